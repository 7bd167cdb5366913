package io.pergola.e2e;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;

/**
 * The network a benchmark's page sees: loopback as it is, or Chromium's network emulation at 40
 * ms round trip and 10 Mbit/s each way (added per request by the DevTools protocol, so it counts
 * round trips and bytes, not TCP handshakes). Either way the protocol's Network domain is on, so
 * the session also reports every request and its bytes.
 */
enum EmulatedNetwork {
  LOOPBACK("loopback", 0),
  SLOW("40 ms RTT, 10 Mbit/s", 40);

  private static final int BYTES_PER_SECOND = 10_000_000 / 8;

  private final String label;
  private final int latencyMs;

  EmulatedNetwork(String label, int latencyMs) {
    this.label = label;
    this.latencyMs = latencyMs;
  }

  String label() {
    return label;
  }

  /** Applies these conditions to the page of {@code cdp}; call before it navigates. */
  void apply(CDPSession cdp) {
    cdp.send("Network.enable");
    if (latencyMs == 0) {
      return;
    }
    JsonObject conditions = new JsonObject();
    conditions.addProperty("offline", false);
    conditions.addProperty("latency", latencyMs);
    conditions.addProperty("downloadThroughput", BYTES_PER_SECOND);
    conditions.addProperty("uploadThroughput", BYTES_PER_SECOND);
    cdp.send("Network.emulateNetworkConditions", conditions);
  }
}
