import XCTest
@testable import LabCore

/// Health checks: "(health: starting)" until the first check, then healthy or, after `retries`
/// failures in a row, unhealthy (moby daemon/health.go and daemon/container/health.go).
final class EngineHealthTests: XCTestCase {
    private func status(_ lab: inout Lab, _ name: String) -> String {
        var engine = lab.machine.engine
        var files = lab.machine.files
        engine.settle(now: lab.clock.now, hostFiles: &files)
        let c = engine.containers.first { $0.name == name }!
        return c.state.display(now: lab.clock.now)
    }

    func testHealthyAfterTheFirstPassingCheck() {
        var lab = Lab()
        let shell = LabShell()
        _ = shell.run("docker run -d --name ok --health-cmd true --health-interval 5s alpine sleep 100", origin: .commandString, lab: &lab, output: CapturedOutput())
        XCTAssertEqual(status(&lab, "ok"), "Up Less than a second (health: starting)")
        _ = shell.run("sleep 6", origin: .commandString, lab: &lab, output: CapturedOutput())
        XCTAssertEqual(status(&lab, "ok"), "Up 6 seconds (healthy)")
    }

    func testUnhealthyAfterRetriesFailures() {
        var lab = Lab()
        let shell = LabShell()
        _ = shell.run("docker run -d --name bad --health-cmd false --health-interval 2s --health-retries 2 alpine sleep 100", origin: .commandString, lab: &lab, output: CapturedOutput())
        _ = shell.run("sleep 3", origin: .commandString, lab: &lab, output: CapturedOutput())
        XCTAssertEqual(status(&lab, "bad"), "Up 3 seconds (health: starting)")
        _ = shell.run("sleep 2", origin: .commandString, lab: &lab, output: CapturedOutput())
        XCTAssertEqual(status(&lab, "bad"), "Up 5 seconds (unhealthy)")
    }

    func testRestartPolicyShowsRestarting() {
        var lab = Lab()
        _ = LabShell().run("docker run -d --name r --restart always alpine sh -c 'exit 2'", origin: .commandString, lab: &lab, output: CapturedOutput())
        XCTAssertEqual(status(&lab, "r"), "Restarting (2) Less than a second ago")
    }
}
