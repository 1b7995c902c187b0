#!/usr/bin/env python3
"""Top frames of a dotnet-trace sampled-thread-time profile in speedscope form (build/load.sh with QUOIN_LOAD_TRACE=1).

    python3 build/trace-top.py .local/load/get.api.speedscope.json [--top 40] [--match Npgsql] [--callers FRAME]

Only samples of threads running managed code count, and of those not the ones whose leaf is a wait (an idle thread
pool worker, a spinning semaphore), so the percentages are shares of the samples that were doing work. Prints the exclusive (leaf) and inclusive tables, both
as percentages of the working samples; --match keeps only frames containing the text; --callers FRAME prints who
calls frames containing FRAME (one level up), by inclusive samples.
"""
import argparse
import collections
import json

# A leaf that means "this thread is waiting", not working. Matched as substrings of the frame name.
IDLE_LEAVES = (
    "WaitHandle.Wait", "LowLevelLifoSemaphore", "LowLevelMonitor.Wait", "Monitor.Wait", "Thread.Sleep",
    "SocketAsyncEngine.EventLoop", "epoll", "WaitForSignal", "WaitOneCore", "WaitNative", "PortableThreadPool+GateThread",
    "Interop+Sys.WaitForSocketEvents", "Interop+Sys.Read(", "TimerQueue.TimerThread", "WaitSubsystem",
    "ManualResetEventSlim.Wait", "SemaphoreSlim.Wait", "Interop+Sys.Poll",
)


def load(path):
    with open(path) as f:
        doc = json.load(f)
    frames = [f["name"] for f in doc["shared"]["frames"]]
    stacks = []  # (frame indexes root..leaf, weight)
    for profile in doc["profiles"]:
        if profile["type"] == "sampled":
            for sample, weight in zip(profile["samples"], profile["weights"]):
                stacks.append((sample, weight))
        else:  # evented: open/close events; weight each stack by the time it was on top
            stack, last = [], None
            for event in profile["events"]:
                if last is not None and stack:
                    stacks.append((list(stack), event["at"] - last))
                last = event["at"]
                if event["type"] == "O":
                    stack.append(event["frame"])
                elif stack:
                    stack.pop()
    return frames, stacks


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--match", default="")
    parser.add_argument("--callers", default="")
    args = parser.parse_args()
    frames, stacks = load(args.path)
    # dotnet-trace marks each sample's leaf with a pseudo frame: CPU_TIME (running managed code) or UNMANAGED_CODE_TIME
    # (in native code: mostly waiting). Keep the CPU_TIME samples, without the marker, unless the frame under it waits.
    working = [(s[:-1], w) for s, w in stacks
               if len(s) > 1 and frames[s[-1]] == "CPU_TIME" and not any(idle in frames[s[-2]] for idle in IDLE_LEAVES)]
    total = sum(w for _, w in working) or 1
    exclusive, inclusive, callers = collections.Counter(), collections.Counter(), collections.Counter()
    for stack, weight in working:
        exclusive[frames[stack[-1]]] += weight
        seen = set()
        for depth, index in enumerate(stack):
            name = frames[index]
            if name not in seen:
                seen.add(name)
                inclusive[name] += weight
            if args.callers and args.callers in name and depth > 0:
                callers[frames[stack[depth - 1]]] += weight
    all_weight = sum(w for _, w in stacks) or 1
    print(f"working samples: {100 * total / all_weight:.0f} % of the sampled thread time")
    for title, counter in (("exclusive", exclusive), ("inclusive", inclusive)) + ((("callers of " + args.callers, callers),) if args.callers else ()):
        print(f"\n== {title}")
        rows = [(n, w) for n, w in counter.most_common() if args.match in n][: args.top]
        for name, weight in rows:
            print(f"{100 * weight / total:6.2f} %  {name[:160]}")


if __name__ == "__main__":
    main()
