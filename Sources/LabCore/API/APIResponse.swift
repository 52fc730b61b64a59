/// What the Engine API answers one request with: a status, headers and a body, or a stream the
/// transport keeps feeding (`APIStream`: a wait, an attached container's output, events), sent
/// chunked or, after a connection upgrade, raw.
public struct APIResponse: Sendable {
    public var status: Int
    /// Headers besides the ones every response carries (`APIServerInfo.commonHeaders`).
    public var headers: [(String, String)]
    public var body: [UInt8]
    /// A body that is not known yet: the transport polls it until it is done.
    public var stream: APIStream?
    /// Whether the stream follows a `101 UPGRADED` (a hijacked attach) rather than a chunked body.
    public var upgrade = false

    public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = [], stream: APIStream? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.stream = stream
    }

    /// A JSON document (`Content-Type: application/json`), with the trailing newline Go's encoder writes.
    static func json(_ value: JSONValue, status: Int = 200) -> APIResponse {
        APIResponse(status: status, headers: [("Content-Type", "application/json")],
                    body: Array((value.compactJSON(escapeHTML: true) + "\n").utf8))
    }

    /// No content (`204`), the answer to start, stop, kill, pause, remove…
    static let noContent = APIResponse(status: 204)

    /// A plain-text body.
    static func text(_ text: String, status: Int = 200) -> APIResponse {
        APIResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(text.utf8))
    }

    /// The body as text (for tests and the benchmark).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// An error as the Engine API sends it: an HTTP status and `{"message": "…"}`, which the docker
/// client prints as `Error response from daemon: …`.
public struct APIError: Error, Sendable, Equatable {
    public var status: Int
    public var message: String

    public init(status: Int, message: String) {
        self.status = status
        self.message = message
    }

    /// The engine's error with the status the daemon gives its kind (moby's errdefs: not found
    /// 404, conflict 409, invalid parameter 400, forbidden 403, anything else 500).
    public init(_ error: EngineError) {
        message = error.message
        switch error {
        case .noSuchContainer, .noSuchImage, .noSuchNetwork, .noSuchVolume: status = 404
        case .nameInUse, .removeRunning, .alreadyPaused, .notRunning, .imageInUse, .imageDeleteConflict, .networkExists, .volumeInUse: status = 409
        case .ambiguousContainer, .renameSameName, .invalidMode, .invalidVolumeSpec, .executableNotFound, .permissionDenied: status = 400
        case .networkHasEndpoints, .predefinedNetwork, .alreadyConnected: status = 403
        case .notSwarmManager: status = 503
        case .notPaused, .portAllocated, .notConnected: status = 500
        case .other(_, let s): status = (400...599).contains(s) ? s : 500
        }
    }

    /// The response: `{"message":"…"}` with the error's status.
    var response: APIResponse { .json(["message": .string(message)], status: status) }

    static func notFound(_ message: String) -> APIError { APIError(status: 404, message: message) }
    static func invalid(_ message: String) -> APIError { APIError(status: 400, message: message) }
}
