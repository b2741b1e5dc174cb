import { createContext, useContext } from 'react';
import { type AttachEnv, browserEnv } from '../../attachments';

/**
 * How the screens process files: the browser's image decoder in the app. Component tests run under
 * jsdom, which cannot decode images, and provide a stand-in here (the same seam addFiles offers).
 */
export const AttachEnvContext = createContext<AttachEnv>(browserEnv);

export const useAttachEnv = (): AttachEnv => useContext(AttachEnvContext);
