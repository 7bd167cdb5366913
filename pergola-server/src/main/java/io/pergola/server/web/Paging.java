package io.pergola.server.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * How a listing that grows without end (an environment's audit trail, an app's versions) is
 * answered: newest first, at most {@code limit} items a request, the next page named by a {@code
 * Link: <...>; rel="next"} header (RFC 8288) that starts below the last item shown ({@code
 * ?before=}), for as long as there is one.
 *
 * @param limit how many items at most, 1 to {@link #MAX_LIMIT}
 */
public record Paging(int limit) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  public Paging {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
    }
  }

  /** The paging a request's {@code ?limit=} asks for, {@link #DEFAULT_LIMIT} when absent. */
  public static Paging of(Integer limit) {
    return new Paging(limit == null ? DEFAULT_LIMIT : limit);
  }

  /** How many items to fetch: one more than the page shows tells whether there is a next page. */
  public long fetch() {
    return limit + 1L;
  }

  /**
   * The answer for a page of {@code fetched} items ({@link #fetch()} of them at most, newest
   * first): the first {@code limit}, and when there were more, the {@code Link} to the next page,
   * which starts below the last item shown.
   *
   * @param path the listing's path, as the request named it
   * @param position what {@code ?before=} takes for an item (a revision number, a version)
   */
  public <T> ResponseEntity<List<T>> answer(List<T> fetched, String path, Function<T, String> position) {
    if (fetched.size() <= limit) {
      return ResponseEntity.ok(fetched);
    }
    List<T> shown = fetched.subList(0, limit);
    String next = path + "?before=" + URLEncoder.encode(position.apply(shown.getLast()), StandardCharsets.UTF_8)
        + "&limit=" + limit;
    return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"").body(shown);
  }
}
