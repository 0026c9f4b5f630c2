/**
 * Credentials and login for every Astrolabe service: user name and password (an IVOA UMS login
 * endpoint giving a cookie and bearer token, or HTTP Basic), client certificates (PEM, PKCS#12),
 * bearer tokens and cookies; security-method negotiation from VOSI capabilities; one session per
 * archive ({@link org.astrolabe.auth.SessionManager}); remembered logins in Equinox secure storage
 * ({@link org.astrolabe.auth.CredentialStore}); the {@link org.astrolabe.auth.CredentialPrompt}
 * SPI through which the UI and the command line ask the user.
 */
package org.astrolabe.auth;
