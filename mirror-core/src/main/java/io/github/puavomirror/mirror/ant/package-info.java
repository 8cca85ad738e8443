/**
 * The Ant tasks {@code update-repository}, {@code verify} and {@code prune}, loaded through this
 * package's {@code antlib.xml}. They only translate attributes into the job package's requests and
 * its events and errors into the build log; the tasks' classes and setters are the public API.
 */
package io.github.puavomirror.mirror.ant;
