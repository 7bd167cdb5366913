package io.pergola.server.assets;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Hands {@code /assets/*} to the {@link AssetOrigin} from Tomcat's engine, before the request
 * reaches the servlet context, and every other path on to it.
 *
 * <p>A servlet filter, even the first, costs Tomcat a filter chain built per request (every
 * mapping matched against the path) and the host, context and wrapper valves around it; on 2 KB
 * files that was about 7 % of the origin's CPU time per request (bench/assets).
 */
final class AssetOriginValve extends ValveBase {

  private final ObjectProvider<AssetOrigin> origins;
  private volatile AssetOrigin origin;

  /**
   * @param origins the origin, looked up on the first request: the valve is made with the web
   *     server, before the beans the origin needs (the database, the store) are ready
   */
  AssetOriginValve(ObjectProvider<AssetOrigin> origins) {
    super(true);
    this.origins = origins;
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    // Tomcat runs the engine's valves even for a request it refused while parsing (an encoded
    // slash, say), with its error already set and no decoded path; the next valve lets it be.
    String path = request.getDecodedRequestURI();
    if (path == null || !AssetPath.isForTheOrigin(path)) {
      getNext().invoke(request, response);
      return;
    }
    AssetOrigin served = origin;
    if (served == null) {
      served = origin = origins.getObject();
    }
    served.serve(request, response);
  }
}
