/** Where a signed-in account lands, and where the console asks for a sign-in. */
export const HOME = '/account';
export const SIGN_IN = '/sign-in';
/** The public screens of a forgotten password; the reset link in the mail names the second. */
export const FORGOT_PASSWORD = '/auth/forgot-password';
export const RESET_PASSWORD = '/auth/reset-password';
