/** Where a signed-in account lands, and where the console asks for a sign-in. */
export const HOME = '/account';
export const SIGN_IN = '/sign-in';
