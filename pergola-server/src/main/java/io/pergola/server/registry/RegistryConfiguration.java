package io.pergola.server.registry;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the schedule the orphan sweeper runs by. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RegistryConfiguration {}
