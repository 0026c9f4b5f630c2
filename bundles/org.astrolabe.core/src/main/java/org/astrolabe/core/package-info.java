/**
 * Astrolabe's failure hierarchy, shared by every protocol bundle. Each exception is typed by
 * what the caller must decide; cancellation is always
 * {@link org.eclipse.core.runtime.OperationCanceledException}.
 */
package org.astrolabe.core;
