package dev.castle.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Key and trust stores loaded from the configured files, each failure turned into a {@link TlsConfigException} naming
 * the key to fix. JKS and PKCS#12 files are read with the JDK; PEM files with {@link Pem} into an in-memory store.
 */
final class Stores {
    /** The password of the in-memory stores built from PEM files; they never leave the process. */
    private static final char[] IN_MEMORY = "castle".toCharArray();

    private Stores() {}

    /** A key store and the password that unlocks its private key. */
    record Loaded(KeyStore store, char[] keyPassword) {}

    static Loaded keyStore(TlsSettings settings, TlsSettings.Store store) {
        String locationKey = settings.key(TlsSettings.KEYSTORE_LOCATION);
        if (store.isPem()) {
            Path keyFile = store.keyLocation().orElse(store.location());
            String keyKey =
                    store.keyLocation().isPresent() ? settings.key(TlsSettings.KEYSTORE_KEY_LOCATION) : locationKey;
            List<X509Certificate> chain = Pem.certificates(locationKey, store.location());
            PrivateKey key = Pem.privateKey(
                    keyKey, keyFile, store.keyPassword().or(store::password).orElse(null));
            return new Loaded(inMemory(chain, key), IN_MEMORY);
        }
        KeyStore keyStore = load(
                settings,
                store,
                locationKey,
                settings.key(TlsSettings.KEYSTORE_TYPE),
                settings.key(TlsSettings.KEYSTORE_PASSWORD));
        char[] keyPassword = chars(store.keyPassword().or(store::password).orElse(""));
        checkPrivateKey(settings, store, keyStore, keyPassword);
        return new Loaded(keyStore, keyPassword);
    }

    static KeyStore trustStore(TlsSettings settings, TlsSettings.Store store) {
        String locationKey = settings.key(TlsSettings.TRUSTSTORE_LOCATION);
        if (store.isPem()) {
            List<X509Certificate> certificates = Pem.certificates(locationKey, store.location());
            try {
                KeyStore trusted = emptyStore();
                for (int i = 0; i < certificates.size(); i++) {
                    trusted.setCertificateEntry("ca-" + i, certificates.get(i));
                }
                return trusted;
            } catch (GeneralSecurityException e) {
                throw new TlsConfigException(locationKey, "cannot be used: " + e.getMessage());
            }
        }
        KeyStore trusted = load(
                settings,
                store,
                locationKey,
                settings.key(TlsSettings.TRUSTSTORE_TYPE),
                settings.key(TlsSettings.TRUSTSTORE_PASSWORD));
        try {
            if (Collections.list(trusted.aliases()).stream().noneMatch(alias -> isCertificate(trusted, alias))) {
                throw new TlsConfigException(locationKey, store.location() + " holds no certificate");
            }
        } catch (KeyStoreException e) {
            throw new TlsConfigException(locationKey, "cannot be used: " + e.getMessage());
        }
        return trusted;
    }

    private static KeyStore load(
            TlsSettings settings, TlsSettings.Store store, String locationKey, String typeKey, String passwordKey) {
        KeyStore keyStore;
        try {
            keyStore = KeyStore.getInstance(store.type().toUpperCase(Locale.ROOT));
        } catch (KeyStoreException e) {
            throw new TlsConfigException(typeKey, "unknown store type '" + store.type() + "' (JKS, PKCS12 or PEM)");
        }
        Path location = store.location();
        try (InputStream in = Files.newInputStream(location)) {
            keyStore.load(in, store.password().map(String::toCharArray).orElse(null));
            return keyStore;
        } catch (NoSuchFileException e) {
            throw new TlsConfigException(locationKey, "no such file " + location);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new TlsConfigException(passwordKey, "wrong password for " + location);
            }
            throw new TlsConfigException(
                    locationKey, "cannot read " + location + " as a " + store.type() + " store: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new TlsConfigException(locationKey, "cannot read " + location + ": " + e.getMessage());
        }
    }

    /** A key store must hold a private key the key password unlocks; the JDK would only fail at the first handshake. */
    private static void checkPrivateKey(
            TlsSettings settings, TlsSettings.Store store, KeyStore keyStore, char[] keyPassword) {
        try {
            boolean found = false;
            for (String alias : Collections.list(keyStore.aliases())) {
                if (keyStore.isKeyEntry(alias)) {
                    Key key = keyStore.getKey(alias, keyPassword);
                    found |= key instanceof PrivateKey;
                }
            }
            if (!found) {
                throw new TlsConfigException(
                        settings.key(TlsSettings.KEYSTORE_LOCATION), store.location() + " holds no private key");
            }
        } catch (UnrecoverableKeyException e) {
            throw new TlsConfigException(
                    settings.key(TlsSettings.KEY_PASSWORD),
                    "wrong password for the private key in " + store.location());
        } catch (GeneralSecurityException e) {
            throw new TlsConfigException(
                    settings.key(TlsSettings.KEYSTORE_LOCATION), "cannot be used: " + e.getMessage());
        }
    }

    private static KeyStore inMemory(List<X509Certificate> chain, PrivateKey key) {
        try {
            KeyStore store = emptyStore();
            store.setKeyEntry("castle", key, IN_MEMORY, chain.toArray(new Certificate[0]));
            return store;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot hold a PEM key in memory", e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return store;
    }

    private static boolean isCertificate(KeyStore store, String alias) {
        try {
            return store.getCertificate(alias) != null;
        } catch (KeyStoreException e) {
            return false;
        }
    }

    private static char[] chars(String password) {
        return password.toCharArray();
    }
}
