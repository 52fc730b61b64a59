/// `GET /images/get?names=…` (and `GET /images/{name}/get`) and `POST /images/load`, behind the
/// real client's `docker save` and `docker load`: the engine's archives of images (Engine/Build/
/// Engine+Archive.swift, as `lab sh`'s), a tar sent as the body (application/x-tar), and a tar
/// read back, answered as moby's `postImagesLoad` answers (api/server/router/image): the lines
/// `Loaded image: …` each as a JSON `{"stream":…}` message, a failure as an error message in the
/// stream, which the client prints alone.
extension EngineAPI {
    static func saveImages(_ names: [String], lab: inout Lab) throws(APIError) -> APIResponse {
        let data = try engine(&lab) { (s: inout DaemonSession) throws(EngineError) -> String in try s.engine.saveArchive(names) }
        return APIResponse(status: 200, headers: [("Content-Type", "application/x-tar")], body: Array(data.utf8))
    }

    static func loadImages(_ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let text = String(decoding: c.request.body, as: UTF8.self)
        let result = try withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> Result<[String], EngineError> in
            do throws(EngineError) { return .success(try s.engine.loadArchive(text, now: s.now)) } catch { return .failure(error) }
        }
        var body: [UInt8] = []
        func send(_ message: JSONValue) { body += Array((message.compactJSON() + "\n").utf8) }
        switch result {
        case .success(let lines):
            for line in lines { send(["stream": .string(line + "\n")]) }
            c.record("docker load")
        case .failure(let error):
            send(["errorDetail": ["message": .string(error.message)], "error": .string(error.message)])
        }
        return APIResponse(status: 200, headers: [("Content-Type", "application/json")], body: body)
    }
}
