package io.pergola.cli.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The billing team's server rendering of its invoice list, the fragment the shell puts on the
 * page when the demo runs with {@code --server-fragments}: the same markup the Vue child draws
 * (the design system's classes), for the person whose token the shell sends, so the list is on
 * screen from the first paint and the child takes over once its data is in, never kept. Other
 * pages of billing (an invoice's own) have none: a 204 the shell may keep for five minutes.
 */
@RestController
public class BillingFragment {

  public static final String PATH = "/demo-api/billing/fragment";

  private final TeamApis apis;
  private final TeamTokens tokens;

  BillingFragment(TeamApis apis, TeamTokens tokens) {
    this.apis = apis;
    this.tokens = tokens;
  }

  @GetMapping(PATH)
  ResponseEntity<String> fragment(
      @RequestHeader(name = "Pergola-Path", required = false) String page,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    String path = page == null ? "" : page.replaceFirst("[?#].*", "");
    if (!path.equals("/billing") && !path.equals("/billing/")) {
      // The same for everybody and every version: the shell may keep it and stop asking.
      return ResponseEntity.noContent().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).build();
    }
    try {
      tokens.require("billing-api", authorization);
    } catch (ResponseStatusException anonymous) {
      return ResponseEntity.noContent().build(); // the list is nobody's but a signed-in person's
    }
    // This person's invoices, as of now: never kept for anybody.
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.TEXT_HTML)
        .body(list(apis.invoices()));
  }

  private static String list(List<TeamApis.Invoice> invoices) {
    NumberFormat money = NumberFormat.getCurrencyInstance(Locale.ENGLISH);
    money.setCurrency(Currency.getInstance("EUR"));
    StringBuilder rows = new StringBuilder();
    BigDecimal total = BigDecimal.ZERO;
    for (TeamApis.Invoice invoice : invoices) {
      String id = escape(invoice.id());
      rows.append("<tr><td><a href=\"/billing/invoices/").append(id).append("\">").append(id).append("</a></td>")
          .append("<td>").append(escape(invoice.customer())).append("</td>")
          .append("<td>").append(money.format(invoice.amount())).append("</td>")
          .append("<td><span class=\"ds-badge\" data-tone=\"").append(invoice.paid() ? "success" : "warning").append("\">")
          .append(invoice.paid() ? "paid" : "open").append("</span></td></tr>");
      total = total.add(invoice.amount());
    }
    return "<div class=\"ds-page\"><h1 class=\"ds-title\">Invoices</h1><ds-card><table class=\"ds-table\">"
        + "<thead><tr><th>Invoice</th><th>Customer</th><th>Amount</th><th>Status</th></tr></thead>"
        + "<tbody>" + rows + "</tbody></table><p><strong>Total: </strong>" + money.format(total) + "</p></ds-card></div>";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
