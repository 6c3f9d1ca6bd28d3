const result = await client.launch(charge, {
  onNavigate: ({ url, method, fields }) => openCashierWebView({ url, method, fields }),
});
export {};
