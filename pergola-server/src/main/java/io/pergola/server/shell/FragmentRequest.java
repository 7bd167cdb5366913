package io.pergola.server.shell;

/**
 * What the shell tells a fragment service about the page it renders for, as request headers:
 * the page's path and query, the app and the version of it this visitor's page runs (a canary's
 * visitors get the candidate's markup), and the environment's revision the page is built from.
 *
 * @param path the page's path with its query, as the browser asked for it
 * @param acceptLanguage the browser's {@code Accept-Language}, passed on; null when it sent none
 * @param accessToken the signed-in person's access token for the app's audiences, sent as {@code
 *     Authorization: Bearer}; null for a fragment anybody may see
 */
record FragmentRequest(
    String path, String app, String version, String environment, long revision, String acceptLanguage,
    String accessToken) {

  static final String PATH = "Pergola-Path";
  static final String APP = "Pergola-App";
  static final String VERSION = "Pergola-Version";
  static final String ENVIRONMENT = "Pergola-Environment";
  static final String REVISION = "Pergola-Revision";

  /** Without the token, which no log line may show. */
  @Override
  public String toString() {
    return "FragmentRequest[" + app + " " + version + " for " + path + " in " + environment + " revision " + revision
        + (accessToken == null ? "" : ", with a token") + "]";
  }
}
