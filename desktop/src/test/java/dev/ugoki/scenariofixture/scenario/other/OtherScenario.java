package dev.ugoki.scenariofixture.scenario.other;

/** Another scenario, that knows none: the rule passes it. */
public final class OtherScenario {}
