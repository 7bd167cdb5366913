package io.pergola.server.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP relay in front of a real server, to take that server off the network for a
 * while: after {@link #cut()} the relay still accepts connections but never answers on them, as a
 * provider behind a dead link or a hung load balancer does, and the connections it was relaying
 * are dropped; {@link #restore()} relays again. The server behind it never knows.
 */
public final class TcpRelay implements AutoCloseable {

  private final ServerSocket listener;
  private final int targetPort;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private volatile boolean cut;

  private TcpRelay(int targetPort) throws IOException {
    this.targetPort = targetPort;
    listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread.ofVirtual().name("tcp-relay-" + targetPort).start(this::accept);
  }

  /** A relay on a free loopback port to {@code targetPort} on loopback. */
  public static TcpRelay to(int targetPort) {
    try {
      return new TcpRelay(targetPort);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** How many connections were made to the relay so far, cut or not: whether anybody called. */
  public int accepted() {
    return accepted.get();
  }

  /** From now on nothing gets through, and nothing answers: new connections are held open. */
  public void cut() {
    cut = true;
    open.forEach(TcpRelay::closeQuietly);
  }

  /** Relays new connections again; the ones held while cut are closed. */
  public void restore() {
    cut = false;
    open.forEach(TcpRelay::closeQuietly);
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        accepted.incrementAndGet();
        open.add(client);
        if (!cut) {
          Thread.ofVirtual().start(() -> relay(client));
        }
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void relay(Socket client) {
    Socket server = null;
    try {
      server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
      open.add(server);
      Socket target = server;
      Thread back = Thread.ofVirtual().start(() -> pump(target, client));
      pump(client, server);
      back.join();
    } catch (IOException | InterruptedException gone) {
      // the server is down, or the relay was cut: the client's connection closes with it
    } finally {
      closeQuietly(client);
      open.remove(client);
      if (server != null) {
        closeQuietly(server);
        open.remove(server);
      }
    }
  }

  private static void pump(Socket from, Socket to) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      byte[] buffer = new byte[16 * 1024];
      for (int read; (read = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException gone) {
      // closed by the other pump, or by cut()
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing is all that was wanted
    }
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException ignored) {
      // nothing more to release
    }
    open.forEach(TcpRelay::closeQuietly);
  }
}
