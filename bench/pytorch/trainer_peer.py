"""PyTorch peer of dev.descent.bench.TrainerBenchmark: the same models, data, batch size and thread count.

Usage: trainer_peer.py [dataset-folder] [images] [batch-size] [models] [threads]
Prints one line per model: model=... images_per_second=... final_loss=... seconds=...
"""
import gzip
import sys
import time

import numpy as np
import torch
from torch import nn


def load_images(folder, count):
    with gzip.open(f"{folder}/train-images-idx3-ubyte.gz", "rb") as handle:
        data = np.frombuffer(handle.read(), dtype=np.uint8, offset=16)
    return (data.reshape(-1, 1, 28, 28)[:count].astype(np.float32) / 255.0).copy()


def encoder():
    return [
        nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(64, 4, 1), nn.ReLU(),
    ]


def build(model):
    if model == "inpainting-upsample":
        return nn.Sequential(*encoder(),
                             nn.Conv2d(4, 64, 3, padding=1), nn.ReLU(), nn.Upsample(scale_factor=2),
                             nn.Conv2d(64, 32, 3, padding=1), nn.ReLU(), nn.Upsample(scale_factor=2),
                             nn.Conv2d(32, 1, 3, padding=1), nn.Sigmoid())
    if model == "inpainting-deconv":
        return nn.Sequential(*encoder(),
                             nn.Conv2d(4, 64, 3, padding=1), nn.ReLU(),
                             nn.ConvTranspose2d(64, 32, 2, stride=2), nn.ReLU(),
                             nn.ConvTranspose2d(32, 1, 2, stride=2), nn.Sigmoid())
    if model == "rotation":
        return nn.Sequential(*encoder(), nn.Flatten(), nn.Linear(4 * 7 * 7, 4))
    raise SystemExit(f"unknown model '{model}'; choose inpainting-upsample, inpainting-deconv, rotation or all")


def batch(model, images, start, size):
    clean = torch.from_numpy(images[start:start + size])
    if model == "rotation":
        turns = np.arange(start, start + size) % 4
        rotated = np.stack([np.rot90(images[start + i], k=int(turns[i]), axes=(1, 2)) for i in range(size)])
        return torch.from_numpy(rotated.copy()), torch.from_numpy(turns.astype(np.int64))
    corrupted = clean.clone()
    corrupted[:, :, 7:21, 7:21] = 0.0
    return corrupted, clean


def run(model, images, batch_size):
    torch.manual_seed(1)
    network = build(model)
    optimizer = torch.optim.Adam(network.parameters(), lr=1e-3)
    loss_function = nn.CrossEntropyLoss() if model == "rotation" else nn.MSELoss()

    def step(start, size):
        inputs, targets = batch(model, images, start, size)
        optimizer.zero_grad()
        loss = loss_function(network(inputs), targets)
        loss.backward()
        optimizer.step()
        return loss.item()

    for i in range(3):
        step(i * batch_size, batch_size)
    begin = time.perf_counter()
    last = float("nan")
    for start in range(0, len(images), batch_size):
        last = step(start, min(batch_size, len(images) - start))
    seconds = time.perf_counter() - begin
    print(f"model={model} images_per_second={len(images) / seconds:.1f} final_loss={last:.5f} seconds={seconds:.2f}",
          flush=True)


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    batch_size = int(sys.argv[3]) if len(sys.argv) > 3 else 128
    which = sys.argv[4] if len(sys.argv) > 4 else "all"
    threads = int(sys.argv[5]) if len(sys.argv) > 5 else 2
    torch.set_num_threads(threads)
    images = load_images(folder, count)
    # Debian's build links the system libblas.so.3; bench/trainer-vs-pytorch prints which one is selected.
    print(f"backend=PyTorch {torch.__version__} images={count} batch={batch_size} threads={threads}", flush=True)
    models = ["inpainting-upsample", "inpainting-deconv", "rotation"] if which == "all" else which.split(",")
    for model in models:
        run(model.strip(), images, batch_size)


if __name__ == "__main__":
    main()
