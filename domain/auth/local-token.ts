/**
 * Command-line tools on the same machine prove themselves to the running app with the token it wrote
 * into its data folder (readable only by the folder's owner, who could read the database anyway).
 */
export const LOCAL_TOKEN_HEADER = "x-errordesk-local-token";
