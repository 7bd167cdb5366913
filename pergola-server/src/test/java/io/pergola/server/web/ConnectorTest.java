package io.pergola.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pergola.server.testkit.PergolaTestServer;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11Nio2Protocol;
import org.apache.tomcat.util.threads.VirtualThreadExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

class ConnectorTest {

  @Test
  void requestsAreTakenByNio2OnVirtualThreadsOfTheConnectorsOwnExecutor() {
    PergolaTestServer server = PergolaTestServer.shared();
    server.anonymous().get("/health").expectStatus(200);

    TomcatWebServer tomcat =
        (TomcatWebServer) ((WebServerApplicationContext) server.context()).getWebServer();
    Connector connector = tomcat.getTomcat().getConnector();

    assertThat(connector.getProtocolHandler()).isInstanceOf(Http11Nio2Protocol.class);
    // Made by Tomcat, not handed to it: NIO2 shuts its channel group down only with an executor
    // of its own.
    assertThat(connector.getProtocolHandler().getExecutor()).isInstanceOf(VirtualThreadExecutor.class);
    assertThat(connector.getProperty("useVirtualThreads")).hasToString("true");
  }
}
