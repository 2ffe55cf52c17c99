/** The signed-in portal user (also requested early by the boot script: lib/early-requests.ts). */
export const ME_PATH = '/api/v1/auth/portal/me';
