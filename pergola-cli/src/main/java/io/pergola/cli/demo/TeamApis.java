package io.pergola.cli.demo;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The demo teams' own small APIs (shipping, profile, billing), served by the demo process under
 * {@code /demo-api/<team>/...}, so each child renders data it fetched rather than data in its
 * code. In-memory: the demo starts fresh each time.
 *
 * <p>Each API accepts only access tokens for its own audience ({@link TeamTokens}): the children
 * get them from the shell's token endpoint, one audience each.
 */
@RestController
public class TeamApis {

  private static final String AUTHORIZATION = "Authorization";

  record Shipment(String id, String destination, String status, String carrier, String eta) {}

  record Profile(String displayName, String email, String phone) {}

  record Invoice(String id, String customer, BigDecimal amount, String due, boolean paid) {}

  private final List<Shipment> shipments =
      List.of(
          new Shipment("SH-1042", "Rotterdam, NL", "delivered", "North Sea Freight", "2026-11-20"),
          new Shipment("SH-1043", "Lyon, FR", "in transit", "Rhône Logistics", "2026-11-27"),
          new Shipment("SH-1044", "Gdańsk, PL", "delayed", "Baltic Express", "2026-12-02"),
          new Shipment("SH-1045", "Porto, PT", "in transit", "Atlantic Parcel", "2026-11-29"));

  private final Map<String, Profile> profiles = new ConcurrentHashMap<>();

  private final Map<String, Invoice> invoices = new ConcurrentHashMap<>(initialInvoices());

  private final TeamTokens tokens;

  TeamApis(TeamTokens tokens) {
    this.tokens = tokens;
  }

  @GetMapping("/demo-api/shipping/shipments")
  List<Shipment> shipments(@RequestHeader(name = AUTHORIZATION, required = false) String authorization) {
    tokens.require("shipping-api", authorization);
    return shipments;
  }

  @GetMapping("/demo-api/shipping/shipments/{id}")
  Shipment shipment(
      @PathVariable String id, @RequestHeader(name = AUTHORIZATION, required = false) String authorization) {
    tokens.require("shipping-api", authorization);
    return shipments.stream()
        .filter(shipment -> shipment.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No shipment " + id));
  }

  /** The signed-in person's profile, first filled in from their token's claims. */
  @GetMapping("/demo-api/profile/me")
  Profile profile(@RequestHeader(name = AUTHORIZATION, required = false) String authorization) {
    Jwt jwt = tokens.require("profile-api", authorization);
    return profiles.computeIfAbsent(
        jwt.getSubject(), subject -> new Profile(claim(jwt, "name", subject), claim(jwt, "email", ""), ""));
  }

  @PutMapping("/demo-api/profile/me")
  Profile saveProfile(
      @RequestBody Profile changed, @RequestHeader(name = AUTHORIZATION, required = false) String authorization) {
    Jwt jwt = tokens.require("profile-api", authorization);
    if (changed.displayName() == null || changed.displayName().isBlank()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A display name is required");
    }
    profiles.put(jwt.getSubject(), changed);
    return changed;
  }

  private static String claim(Jwt jwt, String name, String otherwise) {
    String value = jwt.getClaimAsString(name);
    return value == null ? otherwise : value;
  }

  @GetMapping("/demo-api/billing/invoices")
  List<Invoice> invoices(@RequestHeader(name = AUTHORIZATION, required = false) String authorization) {
    tokens.require("billing-api", authorization);
    return invoices();
  }

  /** The invoices in the order the billing child lists them. */
  List<Invoice> invoices() {
    return invoices.values().stream().sorted(java.util.Comparator.comparing(Invoice::id)).toList();
  }

  @PostMapping("/demo-api/billing/invoices/{id}/pay")
  Invoice pay(@PathVariable String id, @RequestHeader(name = AUTHORIZATION, required = false) String authorization) {
    tokens.require("billing-api", authorization);
    Invoice invoice = invoices.get(id);
    if (invoice == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No invoice " + id);
    }
    Invoice paid = new Invoice(invoice.id(), invoice.customer(), invoice.amount(), invoice.due(), true);
    invoices.put(id, paid);
    return paid;
  }

  private static Map<String, Invoice> initialInvoices() {
    Map<String, Invoice> invoices = new LinkedHashMap<>();
    for (Invoice invoice :
        List.of(
            new Invoice("INV-2001", "Rotterdam Port Authority", new BigDecimal("1240.00"), "2026-12-01", true),
            new Invoice("INV-2002", "Lyon Textiles", new BigDecimal("385.50"), "2026-12-05", false),
            new Invoice("INV-2003", "Gdańsk Shipyards", new BigDecimal("2799.99"), "2026-12-12", false))) {
      invoices.put(invoice.id(), invoice);
    }
    return invoices;
  }
}
