package dev.castle.server.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PEM files as Karapace (Python's {@code ssl}) takes them: certificates, and a private key in PKCS#8 ({@code PRIVATE
 * KEY}), password-encrypted PKCS#8 ({@code ENCRYPTED PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code
 * EC PRIVATE KEY}) form. The last two are rewrapped as PKCS#8, which is what the JDK reads.
 */
final class Pem {
    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\s*(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "EdDSA", "RSASSA-PSS", "DSA", "XDH");
    /** DER of the OID 1.2.840.113549.1.1.1 (rsaEncryption) followed by a NULL parameter. */
    private static final byte[] RSA_ALGORITHM = hex("06092a864886f70d0101010500");
    /** DER of the OID 1.2.840.10045.2.1 (id-ecPublicKey). */
    private static final byte[] EC_PUBLIC_KEY = hex("06072a8648ce3d0201");

    private Pem() {}

    /** A block's label and its decoded bytes; {@code encryptedLegacy} for OpenSSL's {@code Proc-Type} encryption. */
    private record Block(String label, byte[] der, boolean encryptedLegacy) {}

    static List<X509Certificate> certificates(String key, Path file) {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block block : blocks(key, file)) {
                if (block.label().equals("CERTIFICATE")) {
                    certificates.add(
                            (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
                }
            }
        } catch (CertificateException e) {
            throw new TlsConfigException(key, file + " holds a certificate that cannot be read: " + e.getMessage());
        }
        if (certificates.isEmpty()) {
            throw new TlsConfigException(key, file + " holds no PEM certificate");
        }
        return certificates;
    }

    static PrivateKey privateKey(String key, Path file, String password) {
        for (Block block : blocks(key, file)) {
            if (block.label().endsWith("PRIVATE KEY")) {
                if (block.encryptedLegacy()) {
                    throw new TlsConfigException(
                            key,
                            file + " is encrypted in OpenSSL's legacy form; convert it with"
                                    + " 'openssl pkcs8 -topk8' (encrypted PKCS#8 with " + TlsSettings.KEY_PASSWORD
                                    + ", or unencrypted)");
                }
                return decode(key, file, block, password);
            }
        }
        throw new TlsConfigException(key, file + " holds no PEM private key");
    }

    private static PrivateKey decode(String key, Path file, Block block, String password) {
        byte[] pkcs8;
        switch (block.label()) {
            case "PRIVATE KEY":
                pkcs8 = block.der();
                break;
            case "ENCRYPTED PRIVATE KEY":
                pkcs8 = decrypt(key, file, block.der(), password);
                break;
            case "RSA PRIVATE KEY":
                pkcs8 = pkcs8(RSA_ALGORITHM, block.der());
                break;
            case "EC PRIVATE KEY":
                pkcs8 = pkcs8(concat(EC_PUBLIC_KEY, curve(key, file, block.der())), block.der());
                break;
            default:
                throw new TlsConfigException(key, file + " holds a " + block.label() + ", which Castle cannot read");
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(pkcs8);
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this algorithm; try the next
            }
        }
        throw new TlsConfigException(key, file + " holds a private key of an algorithm the JDK cannot read");
    }

    private static byte[] curve(String key, Path file, byte[] sec1) {
        try {
            return Der.curveOfSec1(sec1);
        } catch (RuntimeException e) {
            throw new TlsConfigException(key, file + " holds an EC private key that names no curve");
        }
    }

    private static byte[] decrypt(String key, Path file, byte[] der, String password) {
        if (password == null) {
            throw new TlsConfigException(
                    key, file + " holds an encrypted private key and " + TlsSettings.KEY_PASSWORD + " is not set");
        }
        try {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
            // for PBES2 (what OpenSSL writes) the JDK names the actual scheme only in the parameters' text
            String algorithm =
                    info.getAlgName().equals("PBES2") ? info.getAlgParameters().toString() : info.getAlgName();
            SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm);
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    factory.generateSecret(new PBEKeySpec(password.toCharArray())),
                    info.getAlgParameters());
            return info.getKeySpec(cipher).getEncoded();
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsConfigException(
                    key, "cannot decrypt the private key in " + file + " (is " + TlsSettings.KEY_PASSWORD + " right?)");
        }
    }

    private static List<Block> blocks(String key, Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new TlsConfigException(key, "no such file " + file);
        } catch (IOException e) {
            throw new TlsConfigException(key, "cannot read " + file + ": " + e.getMessage());
        }
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            String body = matcher.group(2);
            boolean encryptedLegacy = body.contains("Proc-Type:") && body.contains("ENCRYPTED");
            String base64 = body.replaceAll("(?m)^[A-Za-z-]+:.*$", "").replaceAll("\\s", "");
            try {
                blocks.add(new Block(matcher.group(1), Base64.getDecoder().decode(base64), encryptedLegacy));
            } catch (IllegalArgumentException e) {
                throw new TlsConfigException(key, file + " holds a " + matcher.group(1) + " that is not base64");
            }
        }
        return blocks;
    }

    /** {@code SEQUENCE { INTEGER 0, algorithm, OCTET STRING key }}: a private key in PKCS#8 form. */
    private static byte[] pkcs8(byte[] algorithm, byte[] key) {
        return Der.tlv(0x30, concat(new byte[] {0x02, 0x01, 0x00}, Der.tlv(0x30, algorithm), Der.tlv(0x04, key)));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] hex(String text) {
        return java.util.HexFormat.of().parseHex(text);
    }
}
