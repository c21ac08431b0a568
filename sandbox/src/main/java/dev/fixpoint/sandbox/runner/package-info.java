/**
 * The long-lived command runner shared by the sandbox providers (Docker containers, Kubernetes pods): its shell
 * scripts, its wire protocol, the marker parsing that cuts each command's output out of the runner's streams, and
 * the tar streams used for copy-in and copy-out. Public for the providers only; not an API for other modules.
 */
package dev.fixpoint.sandbox.runner;
