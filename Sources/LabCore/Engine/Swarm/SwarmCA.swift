import Foundation

/// The swarm's root CA as a node's TLSInfo shows it (`docker node inspect`, Fixtures/swarm 03):
/// the root certificate in PEM, its issuer's subject (swarmkit names its CA `swarm-ca`: the
/// recorded DER, base64) and public key (an EC P-256 key: the recorded DER prefix of such a key,
/// base64). The lab makes no real certificate: the PEM and the key are stand-ins drawn from the
/// cluster's id, shaped as swarmkit's (same lengths and framing), so the same lab always shows
/// the same ones.
enum SwarmCA {
    static let issuerSubject = "MBMxETAPBgNVBAMTCHN3YXJtLWNh"
    /// SubjectPublicKeyInfo of an uncompressed P-256 key, up to the point's leading 0x04.
    static let keyPrefix: [UInt8] = [0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08,
                                     0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00, 0x04]

    /// `count` bytes drawn from the cluster's id and a purpose.
    static func bytes(_ clusterID: String, _ purpose: String, count: Int) -> [UInt8] {
        var out: [UInt8] = []
        var k = 0
        while out.count < count {
            out += SHA256.digest(Array("\(clusterID)/\(purpose)/\(k)".utf8))
            k += 1
        }
        return Array(out.prefix(count))
    }

    /// The root certificate, PEM (a 365-byte body, as swarmkit's self-signed CA's).
    static func trustRoot(_ clusterID: String) -> String {
        let body = Data(bytes(clusterID, "root", count: 365)).base64EncodedString()
        var lines: [String] = []
        var rest = Substring(body)
        while !rest.isEmpty {
            lines.append(String(rest.prefix(64)))
            rest = rest.dropFirst(64)
        }
        return "-----BEGIN CERTIFICATE-----\n" + lines.joined(separator: "\n") + "\n-----END CERTIFICATE-----\n"
    }

    static func publicKey(_ clusterID: String) -> String {
        Data(keyPrefix + bytes(clusterID, "key", count: 64)).base64EncodedString()
    }

    /// The TLSInfo object.
    static func json(_ clusterID: String) -> JSONValue {
        ["TrustRoot": .string(trustRoot(clusterID)), "CertIssuerSubject": .string(issuerSubject),
         "CertIssuerPublicKey": .string(publicKey(clusterID))]
    }
}
