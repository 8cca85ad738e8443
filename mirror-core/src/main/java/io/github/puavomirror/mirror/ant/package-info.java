/**
 * The Ant tasks {@code update-repository}, {@code verify}, {@code prune}, {@code sync} and {@code upload},
 * loaded through this package's {@code antlib.xml}. They only translate attributes into the requests of the
 * job, sync and upload packages, and their events and errors into the build log. Public API, for users of the
 * tasks: the task classes and their setters (the attributes and nested elements); the shared base
 * {@code PuavoTask} is internal.
 */
package io.github.puavomirror.mirror.ant;
