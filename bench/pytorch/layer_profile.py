"""Per-layer profile of the PyTorch peer: the Python side of bench/trainer-profile.

Each model from trainer_peer.py is split into the same layers as its DL4J network (a convolution with its ReLU is one
layer, the final sigmoid is the loss layer, flatten and linear form the output layer). A training step then runs
layer by layer: each layer's forward pass on a detached copy of the previous output, the loss, each layer's backward
pass from the gradient of its output, the Adam step and zero_grad. Every part is timed with time.perf_counter over
full batches after warm-up; the plain training step of trainer_peer.py is timed over the same batches first.

Run it with --help for the options. With --clock cpu it reads time.thread_time, the calling thread's CPU time, which
covers all the work only with --threads 1.
"""
import argparse
import json
import os
import time

import torch
from torch import nn

from trainer_peer import batch, build, load_images

MODELS = ["inpainting-upsample", "inpainting-deconv", "rotation"]
STARTS_LAYER = (nn.Conv2d, nn.ConvTranspose2d, nn.MaxPool2d, nn.Upsample, nn.Flatten, nn.Sigmoid)


def layers(network):
    """Group the modules of a Sequential into the layers of the DL4J network of the same model."""
    groups = []
    for module in network:
        if isinstance(module, STARTS_LAYER) or not groups:
            groups.append([module])
        else:
            groups[-1].append(module)
    return [nn.Sequential(*group) for group in groups]


def describe(group):
    return "+".join(type(module).__name__ for module in group)


def profile(model, images, batch_size, warmup, clock):
    torch.manual_seed(1)
    network = build(model)
    groups = layers(network)
    optimizer = torch.optim.Adam(network.parameters(), lr=1e-3)
    loss_function = nn.CrossEntropyLoss() if model == "rotation" else nn.MSELoss()
    batches = len(images) // batch_size

    def step(start):
        inputs, targets = batch(model, images, start, batch_size)
        optimizer.zero_grad()
        loss = loss_function(network(inputs), targets)
        loss.backward()
        optimizer.step()

    for i in range(warmup):
        step((i % batches) * batch_size)
    load_before = os.getloadavg()
    fit_seconds = data_seconds = 0.0
    for b in range(batches):
        begin = clock()
        inputs, targets = batch(model, images, b * batch_size, batch_size)
        built = clock()
        optimizer.zero_grad()
        loss = loss_function(network(inputs), targets)
        loss.backward()
        optimizer.step()
        data_seconds += built - begin
        fit_seconds += clock() - built

    forward = [0.0] * len(groups)
    backward = [0.0] * len(groups)
    shapes = [None] * len(groups)
    totals = {"loss": 0.0, "updater": 0.0, "data": 0.0}

    def layered_step(start, record):
        begin = clock()
        inputs, targets = batch(model, images, start, batch_size)
        if record:
            totals["data"] += clock() - begin

        inputs_of, outputs = [], []
        activation = inputs
        for i, group in enumerate(groups):
            begin = clock()
            layer_input = activation.detach().requires_grad_(i > 0)
            activation = group(layer_input)
            if record:
                forward[i] += clock() - begin
            shapes[i] = list(activation.shape)
            inputs_of.append(layer_input)
            outputs.append(activation)

        begin = clock()
        prediction = outputs[-1].detach().requires_grad_(True)
        loss = loss_function(prediction, targets)
        loss.backward()
        if record:
            totals["loss"] += clock() - begin

        gradient = prediction.grad
        for i in reversed(range(len(groups))):
            begin = clock()
            outputs[i].backward(gradient)
            gradient = inputs_of[i].grad
            if record:
                backward[i] += clock() - begin

        begin = clock()
        optimizer.step()
        optimizer.zero_grad()
        if record:
            totals["updater"] += clock() - begin

    optimizer.zero_grad()
    for i in range(2):
        layered_step(i * batch_size, False)
    for b in range(batches):
        layered_step(b * batch_size, True)
    load_after = os.getloadavg()

    def per_batch(seconds):
        return 1000.0 * seconds / batches

    rows = [{"index": i, "type": describe(group), "output_shape": "x".join(map(str, shapes[i])),
             "forward_ms": per_batch(forward[i]), "backward_ms": per_batch(backward[i])}
            for i, group in enumerate(groups)]
    total = sum(forward) + sum(backward) + sum(totals.values())
    fit_ms, fit_data_ms = per_batch(fit_seconds), per_batch(data_seconds)
    return {"model": model, "batch": batch_size, "fit_batches": batches, "profiled_batches": batches,
            "load_before": list(load_before), "load_after": list(load_after), "layers": rows,
            "loss_ms": per_batch(totals["loss"]), "updater_ms": per_batch(totals["updater"]),
            "data_ms": per_batch(totals["data"]), "profiled_total_ms": per_batch(total), "fit_ms": fit_ms,
            "fit_data_ms": fit_data_ms, "fit_images_per_second": 1000.0 * batch_size / (fit_ms + fit_data_ms)}


def print_table(record):
    print(f"\nmodel={record['model']} batch={record['batch']} batches={record['profiled_batches']} "
          f"load_before={record['load_before'][0]:.2f} load_after={record['load_after'][0]:.2f}")
    total = record["profiled_total_ms"]
    print(f"{'#':>2}  {'layer':30} {'output':16} {'fwd ms':>9} {'bwd ms':>9} {'%':>7}")
    for row in record["layers"]:
        share = 100 * (row["forward_ms"] + row["backward_ms"]) / total
        print(f"{row['index']:>2}  {row['type']:30} {row['output_shape']:16} {row['forward_ms']:9.2f} "
              f"{row['backward_ms']:9.2f} {share:7.1f}")
    for name, key in [("loss (forward + backward)", "loss_ms"), ("updater (zero_grad + Adam)", "updater_ms"),
                      ("data (batch())", "data_ms"), ("profiled total", "profiled_total_ms")]:
        print(f"    {name:47} {record[key]:9.2f} {'':9} {100 * record[key] / total:7.1f}")
    print(f"    training step per batch {record['fit_ms']:.2f} ms + data {record['fit_data_ms']:.2f} ms"
          f" = {record['fit_images_per_second']:.1f} images/s", flush=True)


def main():
    parser = argparse.ArgumentParser(description="Profile PyTorch training of the reference models per layer.")
    parser.add_argument("--dataset", default="/usr/share/datasets/fashion-mnist",
                        help="folder with the Fashion-MNIST IDX files")
    parser.add_argument("--images", type=int, default=5120, help="training images per pass, in full batches only")
    parser.add_argument("--batch", type=int, default=128, help="batch size")
    parser.add_argument("--models", default="all", help="comma-separated model ids or 'all'")
    parser.add_argument("--threads", type=int, default=2, help="torch.set_num_threads")
    parser.add_argument("--warmup", type=int, default=5, help="training steps before timing")
    parser.add_argument("--clock", choices=["wall", "cpu"], default="wall",
                        help="wall: time.perf_counter; cpu: time.thread_time, meaningful with --threads 1 only")
    parser.add_argument("--json", help="file to write the results to as JSON")
    options = parser.parse_args()
    if options.images < options.batch:
        raise SystemExit(f"--images {options.images} is smaller than --batch {options.batch}; "
                         "the profile times full batches only")
    torch.set_num_threads(options.threads)
    images = load_images(options.dataset, options.images)
    backend = f"PyTorch {torch.__version__}"
    print(f"backend={backend} images={options.images} batch={options.batch} threads={options.threads} "
          f"clock={options.clock}", flush=True)
    clock = time.thread_time if options.clock == "cpu" else time.perf_counter
    records = []
    for model in (MODELS if options.models == "all" else [name.strip() for name in options.models.split(",")]):
        if model not in MODELS:
            raise SystemExit(f"unknown model '{model}'; choose one of {', '.join(MODELS)} or all")
        records.append(profile(model, images, options.batch, options.warmup, clock))
        print_table(records[-1])
    if options.json:
        os.makedirs(os.path.dirname(os.path.abspath(options.json)), exist_ok=True)
        with open(options.json, "w") as handle:
            json.dump({"side": "pytorch", "backend": backend, "threads": options.threads, "images": options.images,
                       "batch": options.batch, "clock": options.clock, "models": records}, handle, indent=2)


if __name__ == "__main__":
    main()
