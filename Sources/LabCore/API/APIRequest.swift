/// One request to the Engine API as the transport read it: the method, the path with its
/// `/v1.xx` prefix taken off, the query, the headers and the body. Plain data, so the mapping
/// from requests to the engine is tested without a socket.
public struct APIRequest: Sendable, Equatable {
    public var method: String
    /// The path without the version prefix and query (`/containers/json`).
    public var path: String
    /// The API version the path named (`1.41`), or nil for an unversioned path.
    public var version: String?
    /// The query's parameters in order, decoded (`+` is a space, `%xx` a byte).
    public var query: [(key: String, value: String)]
    /// Header values by lower-cased name.
    public var headers: [String: String]
    public var body: [UInt8]

    /// A request for `target` (`/v1.41/containers/json?all=1`) as it came off the wire.
    public init(method: String, target: String, headers: [String: String] = [:], body: [UInt8] = []) {
        self.method = method.uppercased()
        var rawPath = Substring(target)
        var rawQuery: Substring = ""
        if let q = target.firstIndex(of: "?") {
            rawPath = target[..<q]
            rawQuery = target[target.index(after: q)...]
        }
        var path = Self.percentDecode(rawPath, plusIsSpace: false)
        var version: String?
        if path.hasPrefix("/v"), let slash = path.dropFirst(2).firstIndex(of: "/") {
            let candidate = path[path.index(path.startIndex, offsetBy: 2)..<slash]
            if !candidate.isEmpty, candidate.allSatisfy({ $0.isNumber || $0 == "." }) {
                version = String(candidate)
                path = String(path[slash...])
            }
        }
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        self.path = path
        self.version = version
        query = rawQuery.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.percentDecode(parts[0], plusIsSpace: true), parts.count > 1 ? Self.percentDecode(parts[1], plusIsSpace: true) : "")
        }
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        self.body = body
    }

    public static func == (a: APIRequest, b: APIRequest) -> Bool {
        a.method == b.method && a.path == b.path && a.version == b.version && a.headers == b.headers && a.body == b.body
            && a.query.map(\.key) == b.query.map(\.key) && a.query.map(\.value) == b.query.map(\.value)
    }

    /// The last value of a query parameter.
    public func value(_ key: String) -> String? { query.last { $0.key == key }?.value }

    /// Every value of a repeated query parameter.
    public func values(_ key: String) -> [String] { query.filter { $0.key == key }.map(\.value) }

    /// A boolean parameter as the daemon reads it (httputils.BoolValue: anything but "", "0",
    /// "no", "false" and "none" is true).
    public func flag(_ key: String) -> Bool {
        guard let v = value(key)?.lowercased() else { return false }
        return !["", "0", "no", "false", "none"].contains(v)
    }

    /// An integer parameter, or nil when absent or not a number.
    public func int(_ key: String) -> Int? { value(key).flatMap { Int($0) } }

    /// The body as JSON; an empty body is nil.
    func jsonBody() throws(APIError) -> JSONValue? {
        if body.allSatisfy({ $0 == 32 || $0 == 10 || $0 == 13 || $0 == 9 }) { return nil }
        do {
            return try JSONValue(parsing: String(decoding: body, as: UTF8.self))
        } catch {
            throw APIError(status: 400, message: "invalid JSON: " + error.message)
        }
    }

    /// `%xx` escapes decoded as bytes of UTF-8; with `plusIsSpace`, `+` is a blank (query syntax).
    static func percentDecode(_ s: Substring, plusIsSpace: Bool) -> String {
        guard s.contains("%") || (plusIsSpace && s.contains("+")) else { return String(s) }
        var bytes: [UInt8] = []
        let utf8 = Array(s.utf8)
        var i = 0
        while i < utf8.count {
            let b = utf8[i]
            if b == UInt8(ascii: "%"), i + 2 < utf8.count, let hi = hexDigit(utf8[i + 1]), let lo = hexDigit(utf8[i + 2]) {
                bytes.append(hi << 4 | lo)
                i += 3
            } else {
                bytes.append(plusIsSpace && b == UInt8(ascii: "+") ? 32 : b)
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func hexDigit(_ b: UInt8) -> UInt8? {
        switch b {
        case 48...57: return b - 48
        case 65...70: return b - 55
        case 97...102: return b - 87
        default: return nil
        }
    }
}
