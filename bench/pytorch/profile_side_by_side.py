"""Print the DL4J and PyTorch layer profiles of bench/trainer-profile side by side and merge them into one JSON file.

Usage: profile_side_by_side.py descent.json pytorch.json merged.json

A speed ratio is PyTorch's milliseconds divided by Descent's for the same row, so above 1.0 means Descent is faster,
as in bench/trainer-vs-pytorch. Rows are matched by layer index; both profilers split each model into the same layers.
"""
import json
import sys


def ratio(pytorch_ms, descent_ms):
    return f"{pytorch_ms / descent_ms:6.2f}" if descent_ms > 0 else "     -"


def compare(descent, pytorch):
    print(f"\n== {descent['model']}: Descent load {descent['load_before'][0]:.2f}-{descent['load_after'][0]:.2f}, "
          f"PyTorch load {pytorch['load_before'][0]:.2f}-{pytorch['load_after'][0]:.2f} (1-minute averages) ==")
    print(f"{'#':>2} {'Descent layer':17} {'output':14} {'fwd ms':>8} {'bwd ms':>8} {'%':>5} | "
          f"{'PyTorch layer':22} {'fwd ms':>8} {'bwd ms':>8} {'%':>5} | {'speed ratio fwd':>15} {'bwd':>6} {'sum':>6}")
    descent_total, pytorch_total = descent["profiled_total_ms"], pytorch["profiled_total_ms"]
    rows = []
    for mine, peer in zip(descent["layers"], pytorch["layers"]):
        mine_sum = mine["forward_ms"] + mine["backward_ms"]
        peer_sum = peer["forward_ms"] + peer["backward_ms"]
        print(f"{mine['index']:>2} {mine['type']:17} {mine['output_shape']:14} {mine['forward_ms']:8.2f} "
              f"{mine['backward_ms']:8.2f} {100 * mine_sum / descent_total:5.1f} | {peer['type']:22} "
              f"{peer['forward_ms']:8.2f} {peer['backward_ms']:8.2f} {100 * peer_sum / pytorch_total:5.1f} | "
              f"{ratio(peer['forward_ms'], mine['forward_ms']):>15} {ratio(peer['backward_ms'], mine['backward_ms'])} "
              f"{ratio(peer_sum, mine_sum)}")
        rows.append({"index": mine["index"], "descent": mine, "pytorch": peer,
                     "speed_ratio": peer_sum / mine_sum if mine_sum > 0 else None})
    for name, key in [("loss", "loss_ms"), ("updater", "updater_ms"), ("data", "data_ms"),
                      ("profiled total", "profiled_total_ms")]:
        print(f"   {name:50} {descent[key]:8.2f} {100 * descent[key] / descent_total:5.1f} | {'':40} "
              f"{pytorch[key]:8.2f} {100 * pytorch[key] / pytorch_total:5.1f} | {'':22} "
              f"{ratio(pytorch[key], descent[key])}")
    descent_step = descent["fit_ms"] + descent["fit_data_ms"]
    pytorch_step = pytorch["fit_ms"] + pytorch["fit_data_ms"]
    print(f"   {'plain training step + data, ms/batch':50} {descent_step:8.2f} {'':5} | {'':40} "
          f"{pytorch_step:8.2f} {'':5} | {'':22} {ratio(pytorch_step, descent_step)}")
    print(f"   {'images/s':50} {descent['fit_images_per_second']:8.1f} {'':5} | {'':40} "
          f"{pytorch['fit_images_per_second']:8.1f}")
    return {"model": descent["model"], "rows": rows, "step_speed_ratio": pytorch_step / descent_step,
            "descent": descent, "pytorch": pytorch}


def main():
    with open(sys.argv[1]) as handle:
        descent = json.load(handle)
    with open(sys.argv[2]) as handle:
        pytorch = json.load(handle)
    peers = {record["model"]: record for record in pytorch["models"]}
    models = [compare(record, peers[record["model"]]) for record in descent["models"] if record["model"] in peers]
    with open(sys.argv[3], "w") as handle:
        json.dump({"descent_backend": descent["backend"], "pytorch_backend": pytorch["backend"],
                   "threads": descent["threads"], "clock": descent.get("clock", "WALL").lower(),
                   "images": descent["images"], "batch": descent["batch"], "variant": descent["variant"],
                   "models": models}, handle, indent=2)
    print(f"\nwrote {sys.argv[3]}")


if __name__ == "__main__":
    main()
