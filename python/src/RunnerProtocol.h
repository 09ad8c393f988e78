#pragma once
// Internal to lockstep_python: the messages between Lockstep's process, the runner and a run's child.
//
// Lockstep <-> runner (the socket on the runner's fd 3; one request, one answer, under a mutex):
//   Fork + a socket (SCM_RIGHTS)  -> Forked(pid): a new run child, talking on that socket
//   Reap(pid, kill)               -> Reaped(exited, code, signal): the child's end (killed first when asked),
//                                    and no process of its group left
//   Forget(pid)                   -> Forgotten: a child that finished its run normally; its group is killed at
//                                    once and it is reaped later (nobody waits for its exit)
//   Check(path, source)           -> Checked(error): the program's SyntaxError as CPython words it, or ""
// Lockstep <-> a run's child (its own socket; the trace itself goes through shared memory, see TraceLog):
//   Setup(config, path, source, remote policy? (preemptive, kind, touches wanted))
//                                 -> Ready + the trace log's memfd
//   Advance(request)              -> Stopped(reason, step, ended, candidates; once ended: random draws, every
//                                    silent read and touch); meanwhile, with a remote policy, the child asks
//                                    Pick(context, the silent reads and touches since the last Pick) and
//                                    waits for Picked(actor)
//   Choose(actor)                 (no answer)
//   Teardown                      -> Done(random draws, silent reads); then the child exits

#include <cstdint>

#include "Wire.h"
#include "lockstep/Policy.h"
#include "lockstep/RunConfig.h"
#include "lockstep/RunSession.h"

namespace lockstep::python {

enum class Msg : std::uint8_t {
    Fork = 1, Forked, Reap, Reaped, Check, Checked,
    Setup, Ready, Advance, Stopped, Choose, Pick, Picked, Teardown, Done, Failed, Forget, Forgotten,
};

inline void putConfig(wire::Out& o, const RunConfig& c) {
    o.u8(static_cast<std::uint8_t>(c.policy)).u64(c.seed).u32(static_cast<std::uint32_t>(c.cores)).u8(c.gil).i64(
        c.quantum).i64(c.switchInterval).u32(c.maxSteps);
    o.u32(static_cast<std::uint32_t>(c.params.size()));
    for (const auto& [k, v] : c.params) o.str(k).i64(v);
    o.u32(static_cast<std::uint32_t>(c.schedule.size()));
    for (const auto& s : c.schedule) o.str(s);
    o.u8(c.oneAfterAnother);
}

inline RunConfig getConfig(wire::In& in) {
    RunConfig c;
    c.policy = static_cast<PolicyKind>(in.u8());
    c.seed = in.u64();
    c.cores = static_cast<int>(in.u32());
    c.gil = in.u8() != 0;
    c.quantum = in.i64();
    c.switchInterval = in.i64();
    c.maxSteps = in.u32();
    for (std::uint32_t n = in.u32(); n > 0; --n) {
        std::string k = in.str();
        c.params.emplace_back(std::move(k), in.i64());
    }
    for (std::uint32_t n = in.u32(); n > 0; --n) c.schedule.push_back(in.str());
    c.oneAfterAnother = in.u8() != 0;
    return c;
}

}  // namespace lockstep::python
