package io.pergola.server.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** The embedded provider's accounts, from {@code pergola.identity.users}. */
final class IdentityUsers implements UserDetailsService {

  private final Map<String, IdentityProperties.User> users = new LinkedHashMap<>();

  IdentityUsers(List<IdentityProperties.User> users) {
    users.forEach(user -> this.users.put(user.username(), user));
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    IdentityProperties.User user = users.get(username);
    if (user == null) {
      throw new UsernameNotFoundException("No such user");
    }
    return User.withUsername(user.username()).password(encoded(user.password())).authorities("USER").build();
  }

  Optional<IdentityProperties.User> find(String username) {
    return Optional.ofNullable(users.get(username));
  }

  /** A password without an encoder prefix is plain text in the configuration. */
  private static String encoded(String password) {
    return password.startsWith("{") && password.indexOf('}') > 0 ? password : "{noop}" + password;
  }
}
