#pragma once
// A replay token is one line of text that reproduces a run exactly: the scenario, every run setting and
// the decisions the policy took. Decoding puts the decisions into RunConfig::schedule, so the replayed run
// takes the same choice at every decision that had more than one candidate.
//
// Format: ls1:<scenario>:<policy>:<seed>:<cores>:<gil>:<quantum ns>:<switch interval ns>:<max steps>:
//         <params k=v,k=v or ->:<decisions: actor numbers separated by '.', "AxN" repeats A N times, or ->

#include <string>
#include <string_view>
#include <vector>

#include "lockstep/RunConfig.h"
#include "lockstep/Trace.h"

namespace lockstep {

std::string encodeReplayToken(const std::string& scenario, const RunConfig& config,
                              const std::vector<Decision>& decisions);
// Returns false and sets `error` (naming what is wrong) when the token is malformed.
bool decodeReplayToken(std::string_view token, std::string& scenario, RunConfig& config, std::string& error);

}  // namespace lockstep
