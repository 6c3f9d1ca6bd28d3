const sandbox = createSandbox();
const { url, close } = await sandbox.listen({ port: 4010 });   // port 0 (the default) picks a free port
// point your channels at it: sandbox.channelConfigs(url)
export {};
