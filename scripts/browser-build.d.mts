/** Types of browser-build.mjs (imported by the example tests). */
export declare const BROWSER_PACKAGES: readonly { name: string; dir: string; outputs: string[] }[];
/** Names of the browser packages whose dist/ is missing or older than their inputs. */
export declare function staleBrowserPackages(root?: string): string[];
/** Build the browser packages whose dist/ is missing. */
export declare function buildMissingBrowserPackages(root?: string): void;
