package dev.castle.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Known vectors computed the way Karapace's {@code hash_password} does, with Python's hashlib:
 *
 * <pre>
 * python3 -c 'import hashlib,base64; print(base64.b64encode(hashlib.pbkdf2_hmac(
 *     "sha256", "opensesame".encode(), "salt".encode(), 5000)).decode())'
 * python3 -c 'import hashlib,base64; print(base64.b64encode(hashlib.scrypt(
 *     "admin".encode(), salt="adminsalt".encode(), n=16384, r=8, p=1)).decode())'
 * </pre>
 *
 * (with the digest, password and salt of each test). The scrypt, sha512 and sha1 vectors are also the hashes of
 * Karapace's own test authfile ({@code tests/integration/config/karapace.auth.json}).
 */
class HashAlgorithmTest {

    @Test
    void shouldHashSha1AsKarapace() {
        assertThat(HashAlgorithm.SHA1.hash("salt", "opensesame")).isEqualTo("dTlNgcmp0jrcMkJDXMarHQ1ElsQ=");
        assertThat(HashAlgorithm.SHA1.hash("third-salt", "secret")).isEqualTo("SeUTCvKCE8rj6lHFkyFkhopktuY=");
    }

    @Test
    void shouldHashSha256AsKarapace() {
        assertThat(HashAlgorithm.SHA256.hash("salt", "opensesame"))
                .isEqualTo("EM0fectLH7ueih+Uc6pBGnwiRNGbznqPT80Xn3w9tYw=");
    }

    @Test
    void shouldHashSha512AsKarapace() {
        assertThat(HashAlgorithm.SHA512.hash("salt", "opensesame"))
                .isEqualTo("uofa7Uw+IolY0GDeCQApTVAUPlBthFYPFQ+QN+kKtXBzSwddiyLrNnIC2UQcA5X+hCL/mHNNqEMA30oIM4oqxA==");
    }

    @Test
    void shouldHashScryptAsKarapace() {
        assertThat(HashAlgorithm.SCRYPT.hash("adminsalt", "admin"))
                .isEqualTo("AG7+ttm/skHjqEZ90yzEkgjy75yaqoucNnQPIP2S++1rYOPXEtm4+AF7WdDGj+J0sIPFdYC9nXYsvkB1xYDYkw==");
    }

    @Test
    void shouldEncodePasswordAndSaltAsUtf8() {
        assertThat(HashAlgorithm.SHA256.hash("sälz", "pässwörd🔑"))
                .isEqualTo("JANUeGKR+iGAcMjAvpqLDsbPex8Aucg/f0ZO2GF78JU=");
        assertThat(HashAlgorithm.SCRYPT.hash("sälz", "pässwörd🔑"))
                .isEqualTo("cudxTGEUjOhPmFu7i73aQNzKadaEXMsCnbPvPa06qTtSuLVAGLTuOjoa+lrUnSSWjz4lIbf3c/ys9jqyQoQcog==");
    }

    @Test
    void shouldHashAnEmptySaltOrPasswordAsPythonDoes() {
        assertThat(HashAlgorithm.SHA256.hash("", "pw")).isEqualTo("Zx28n9diPvjcQmVx3YyTaisFFHfWiUxFzgolosXo5o8=");
        assertThat(HashAlgorithm.SHA512.hash("s", ""))
                .isEqualTo("Jc3zMJqSwwmMe3UScOfiA8QsY60OkRZGGsM/nZ2KtDGR7Bo9CY+Ho9kCvf9aaJj+62BmTXdzBD8JYRRpRFno9Q==");
    }

    @Test
    void shouldKnowOnlyKarapacesAlgorithmNames() {
        assertThat(HashAlgorithm.fromFileName("scrypt")).contains(HashAlgorithm.SCRYPT);
        assertThat(HashAlgorithm.fromFileName("sha1")).contains(HashAlgorithm.SHA1);
        assertThat(HashAlgorithm.fromFileName("SHA512")).isEmpty();
        assertThat(HashAlgorithm.fromFileName("md5")).isEmpty();
    }
}
