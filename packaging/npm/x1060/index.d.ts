/** A connection whose driver can load an extension (better-sqlite3, node:sqlite). */
export interface ExtensionLoader {
  loadExtension(path: string): unknown;
}
/** The path of the x1060 loadable library for this platform, without its suffix. */
export declare function getLoadablePath(): string;
/** Load x1060 into db. */
export declare function load(db: ExtensionLoader): void;
/** The version of x1060 this package carries. */
export declare const version: string;
declare const x1060: {
  getLoadablePath: typeof getLoadablePath;
  load: typeof load;
  version: string;
};
export default x1060;
