/// `POST /auth`, behind the real client's `docker login`: the daemon checks that the registry
/// answers (a registry on this machine, Engine+Registry; Docker Hub takes any login in the lab,
/// as `lab sh`'s `docker login`), and answers `{"Status":"Login Succeeded"}` (moby
/// api/server/router/system `postAuth`); the client stores the credentials itself, and the
/// history gets the `docker login` line (without the password). An unreachable registry is the
/// daemon's error response.
extension EngineAPI {
    static func auth(_ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let body = try c.request.jsonBody() ?? .object(JSONObject())
        let server = ContainerCreateBody.nonEmpty(body["serveraddress"]) ?? LoginCommand.hub
        if server != LoginCommand.hub && !server.contains("docker.io") {
            let host = server.replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "")
                .split(separator: "/").first.map(String.init) ?? server
            let reachable = try withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> Bool in s.engine.registry(host) != nil }
            guard reachable else { throw APIError(status: 500, message: DockerEngine.unreachable(host)) }
        }
        // The history shows the login (not its password).
        let user = ContainerCreateBody.nonEmpty(body["username"])
        c.record(APIHistory.line(["docker", "login"] + (user.map { ["-u", $0] } ?? []) + (server == LoginCommand.hub ? [] : [server])))
        return .json(["IdentityToken": "", "Status": "Login Succeeded"])
    }
}
