package io.pergola.server.identity;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code pergola.login.provider} is {@code embedded}. */
final class ProviderCondition implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    // Read as text: the setting's type belongs to the login, which depends on this package.
    return Binder.get(context.getEnvironment())
        .bind("pergola.login.provider", String.class)
        .map(provider -> provider.strip().equalsIgnoreCase("embedded"))
        .orElse(false);
  }
}
