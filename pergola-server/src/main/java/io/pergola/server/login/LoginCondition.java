package io.pergola.server.login;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the shell has a login: {@code pergola.login.provider} is not {@code none}. */
final class LoginCondition implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return Binder.get(context.getEnvironment())
        .bind("pergola.login.provider", LoginProperties.Provider.class)
        .map(provider -> provider != LoginProperties.Provider.NONE)
        .orElse(false);
  }
}
