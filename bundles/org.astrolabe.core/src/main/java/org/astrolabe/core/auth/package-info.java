/**
 * The authentication SPI: {@link org.astrolabe.core.auth.AuthSession} (the credentials of one
 * archive, bound to the origins they were negotiated for), the {@link org.astrolabe.core.auth.SessionRegistry}
 * service the HTTP transport consults on every hop, and the
 * {@link org.astrolabe.core.auth.ChallengeResponder} it asks when a server answers 401 with a
 * challenge. The {@code org.astrolabe.auth} bundle implements login on top of it; another plug-in
 * can register a session it built itself.
 */
package org.astrolabe.core.auth;
