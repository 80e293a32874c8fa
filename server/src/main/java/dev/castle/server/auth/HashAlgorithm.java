package dev.castle.server.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The password hashes of Karapace's authfile, so that its files work unchanged: the base64 of PBKDF2-HMAC with the
 * named digest over the UTF-8 password and salt, 5000 iterations, a key as long as the digest; or of scrypt with
 * N=16384, r=8, p=1 and a 64-byte key.
 */
public enum HashAlgorithm {
    SHA1("sha1"),
    SHA256("sha256"),
    SHA512("sha512"),
    SCRYPT("scrypt");

    static final int PBKDF2_ITERATIONS = 5000;
    static final int SCRYPT_N = 16384;
    static final int SCRYPT_R = 8;
    static final int SCRYPT_P = 1;
    static final int SCRYPT_KEY_BYTES = 64;

    private final String fileName;

    HashAlgorithm(String fileName) {
        this.fileName = fileName;
    }

    /** The name in the authfile's {@code algorithm} property. */
    public String fileName() {
        return fileName;
    }

    /** The algorithm an authfile names, matched exactly as Karapace does ({@code SHA512} is not a name). */
    public static Optional<HashAlgorithm> fromFileName(String name) {
        for (HashAlgorithm algorithm : values()) {
            if (algorithm.fileName.equals(name)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** The {@code password_hash} of a password with a salt. */
    public String hash(String salt, String password) {
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        byte[] saltBytes = salt.getBytes(StandardCharsets.UTF_8);
        byte[] raw = this == SCRYPT
                ? SCrypt.generate(secret, saltBytes, SCRYPT_N, SCRYPT_R, SCRYPT_P, SCRYPT_KEY_BYTES)
                : pbkdf2(digest(), secret, saltBytes);
        return Base64.getEncoder().encodeToString(raw);
    }

    private Digest digest() {
        return switch (this) {
            case SHA1 -> new SHA1Digest();
            case SHA256 -> new SHA256Digest();
            case SHA512 -> new SHA512Digest();
            case SCRYPT -> throw new IllegalStateException("scrypt is not a PBKDF2 digest");
        };
    }

    /** The JDK's PBKDF2 refuses an empty salt or password, which Python's accepts; Bouncy Castle's does not. */
    private static byte[] pbkdf2(Digest digest, byte[] password, byte[] salt) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(digest);
        generator.init(password, salt, PBKDF2_ITERATIONS);
        return ((KeyParameter) generator.generateDerivedParameters(digest.getDigestSize() * 8)).getKey();
    }
}
