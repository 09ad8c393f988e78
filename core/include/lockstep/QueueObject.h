#pragma once

#include <cstdint>
#include <deque>
#include <string>

#include "lockstep/SyncObject.h"

namespace lockstep {

// The engine side of queue.Queue without the items: counts and the three wait queues (putters wait for
// room, getters for an item, joiners for every task to be done). Queue<T> keeps the items.
class QueueObject : public SyncObject {
public:
    explicit QueueObject(std::int64_t maxsize) : maxsize(maxsize) {}
    void removeWaiter(ActorId a) override;

    // Each returns false when the deadline passed (or, for non-blocking calls, when it would have to wait).
    bool waitForRoom(ActorId me, bool block, Nanos deadline);
    bool waitForItem(ActorId me, bool block, Nanos deadline);
    void afterPut(ActorId me, const std::string& item);
    void afterGet(ActorId me, const std::string& item);
    void taskDone(ActorId me);
    void join(ActorId me);

    std::int64_t maxsize = 0;
    std::int64_t unfinished = 0;
    std::size_t count = 0;  // items in the queue, kept equal to Queue<T>'s deque

private:
    std::deque<ActorId> getters_;
    std::deque<ActorId> joiners_;  // putters use SyncObject::waiters_
};

}  // namespace lockstep
