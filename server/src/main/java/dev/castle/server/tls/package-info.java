/**
 * TLS of Castle's HTTP listeners and of the follower's calls to the leader: Confluent's {@code ssl.*} keys read into
 * {@link dev.castle.server.tls.TlsSettings}, key and trust stores loaded from JKS, PKCS#12 or PEM files, and the
 * {@code SSLContext} both sides use.
 */
package dev.castle.server.tls;
