package io.pergola.server.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports for the servers tests start: on the loopback address only, never another. */
public final class LoopbackPorts {

  private LoopbackPorts() {}

  /**
   * A port free on the loopback address at the time of the call. The socket is closed before the
   * caller's server binds it, so another process could take it in between; tests accept that.
   */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on the loopback address", e);
    }
  }
}
