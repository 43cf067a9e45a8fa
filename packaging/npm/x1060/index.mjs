// x1060 for Node.js (ES modules): the same as index.cjs.
import { createRequire } from 'module';

const require = createRequire(import.meta.url);
const x1060 = require('./index.cjs');

/** The path of the x1060 loadable library for this platform. */
export const getLoadablePath = x1060.getLoadablePath;
/** Load x1060 into db, a connection whose driver has loadExtension(path). */
export const load = x1060.load;
/** The version of x1060 this package carries. */
export const version = x1060.version;
export default x1060;
