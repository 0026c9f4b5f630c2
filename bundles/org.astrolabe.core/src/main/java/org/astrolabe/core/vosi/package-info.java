/** VOSI documents: availability (capabilities and tables come with the TAP bundle). */
package org.astrolabe.core.vosi;
