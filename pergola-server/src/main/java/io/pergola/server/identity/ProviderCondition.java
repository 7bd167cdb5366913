package io.pergola.server.identity;

import io.pergola.server.login.LoginProperties.Provider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code pergola.login.provider} is {@code embedded}. */
final class ProviderCondition implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return Binder.get(context.getEnvironment())
        .bind("pergola.login.provider", Provider.class)
        .map(provider -> provider == Provider.EMBEDDED)
        .orElse(false);
  }
}
