package io.github.puavomirror.mirror.job;

/** How one front end spells the contract's parameters in its messages. */
@FunctionalInterface
public interface ParameterNames {
    String of(JobParameter parameter);

    /** The canonical names, for messages read outside any front end. */
    ParameterNames CANONICAL = JobParameter::canonicalName;
}
