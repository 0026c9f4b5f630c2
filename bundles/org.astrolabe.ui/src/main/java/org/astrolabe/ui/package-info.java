/**
 * Identifiers of Astrolabe's workbench contributions (perspective, views, job families, widget
 * names) for other plugins and for UI tests. The UI itself lives in internal packages.
 */
package org.astrolabe.ui;
