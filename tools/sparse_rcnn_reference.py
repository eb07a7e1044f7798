#!/usr/bin/python3
"""Reference Sparse R-CNN in PyTorch, for the Java engine's parity tests (never a runtime dependency).

Builds the official Sparse R-CNN inference architecture (PeizeSun/SparseR-CNN on detectron2) from its
published structure, written here from the architecture description (model.md section 1), with
torchvision's Bottleneck/BasicBlock, FrozenBatchNorm2d and roi_align and torch's MultiheadAttention:

  ResNet (stride on the 3x3, frozen BN, stem 7x7/2 + max-pool 3x3/2) -> FPN P2..P5 (1x1 lateral,
  nearest x2 top-down sum, 3x3 output convs) -> learned proposals (cxcywh * image whwh) -> 6 stages of
  [RoIAlign 7x7 aligned, sampling 2, level floor(4 + log2(sqrt(area) / 224)), P2..P5] ->
  self-attention -> DynamicConv -> FFN -> cls / reg towers -> logits, deltas (2, 2, 1, 1), clamp.

It initialises the network with a fixed seed at realistic scales (frozen-BN statistics calibrated on
the image so activations stay O(1); box deltas of a few pixels per stage; logits around the focal
prior), saves the weights as a detectron2-layout checkpoint and records what the network computes
on a fixed image.

  /usr/bin/python3 tools/sparse_rcnn_reference.py golden OUT_DIR     # the committed test fixtures
  /usr/bin/python3 tools/sparse_rcnn_reference.py formats OUT_DIR    # tiny zip / legacy / .pkl files
  /usr/bin/python3 tools/sparse_rcnn_reference.py paper OUT_DIR      # R-50, 300 proposals (not committed)

Needs python3-torch and python3-torchvision (Debian: PyTorch 1.13, torchvision 0.14).
"""
import json
import math
import os
import pickle
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image
from torchvision.models.resnet import BasicBlock, Bottleneck
from torchvision.ops import FrozenBatchNorm2d, roi_align

BLOCKS = {18: (2, 2, 2, 2), 34: (3, 4, 6, 3), 50: (3, 4, 6, 3), 101: (3, 4, 23, 3)}
PIXEL_MEAN = [123.675, 116.28, 103.53]
PIXEL_STD = [58.395, 57.12, 57.375]


class CalibratedFrozenBN(FrozenBatchNorm2d):
    """Frozen BN whose statistics can be set once from the input it sees (to keep random nets sane)."""

    calibrate = False

    def forward(self, x):
        if CalibratedFrozenBN.calibrate:
            self.running_mean.copy_(x.mean(dim=(0, 2, 3)))
            self.running_var.copy_(x.var(dim=(0, 2, 3), unbiased=False))
        return super().forward(x)


class Backbone(nn.Module):
    """ResNet body (torchvision blocks, stride on the 3x3 like detectron2 STRIDE_IN_1X1=False) + FPN."""

    def __init__(self, depth, width, fpn_channels):
        super().__init__()
        block = Bottleneck if depth >= 50 else BasicBlock
        self.conv1 = nn.Conv2d(3, width, 7, 2, 3, bias=False)
        self.bn1 = CalibratedFrozenBN(width)
        layers, inplanes, outs = [], width, []
        for s, n in enumerate(BLOCKS[depth]):
            planes = width << s
            out = planes * block.expansion
            blocks = []
            for b in range(n):
                stride = 2 if (b == 0 and s > 0) else 1
                down = None
                if inplanes != out or stride != 1:
                    down = nn.Sequential(nn.Conv2d(inplanes, out, 1, stride, bias=False), CalibratedFrozenBN(out))
                blocks.append(block(inplanes, planes, stride, down, norm_layer=CalibratedFrozenBN))
                inplanes = out
            layers.append(nn.Sequential(*blocks))
            outs.append(out)
        self.layers = nn.ModuleList(layers)
        self.lateral = nn.ModuleList(nn.Conv2d(c, fpn_channels, 1) for c in outs)
        self.output = nn.ModuleList(nn.Conv2d(fpn_channels, fpn_channels, 3, 1, 1) for _ in outs)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.bn1(self.conv1(x))), kernel_size=3, stride=2, padding=1)
        c = []
        for layer in self.layers:
            x = layer(x)
            c.append(x)
        prev = self.lateral[3](c[3])
        p = [self.output[3](prev)]
        for i in (2, 1, 0):
            prev = self.lateral[i](c[i]) + F.interpolate(prev, scale_factor=2.0, mode="nearest")
            p.insert(0, self.output[i](prev))
        return p  # P2..P5


def pool(features, boxes, size=7):
    """detectron2 ROIPooler (ROIAlignV2): level per box, torchvision roi_align aligned, sampling 2."""
    b, n = boxes.shape[:2]
    flat = boxes.reshape(-1, 4)
    area = (flat[:, 2] - flat[:, 0]) * (flat[:, 3] - flat[:, 1])
    level = torch.floor(4 + torch.log2(torch.sqrt(area) / 224 + 1e-8)).clamp(2, 5).long()
    batch = torch.arange(b, dtype=flat.dtype).repeat_interleave(n)
    rois = torch.cat([batch[:, None], flat], 1)
    out = torch.zeros(b * n, features[0].shape[1], size, size, dtype=flat.dtype)
    for lvl in range(2, 6):
        idx = (level == lvl).nonzero().flatten()
        if len(idx):
            out[idx] = roi_align(features[lvl - 2], rois[idx], size, 1.0 / 2 ** lvl, 2, True)
    return out, level.reshape(b, n)


class DynamicConv(nn.Module):
    def __init__(self, c, d, bins):
        super().__init__()
        self.c, self.d = c, d
        self.dynamic_layer = nn.Linear(c, 2 * c * d)
        self.norm1 = nn.LayerNorm(d)
        self.norm2 = nn.LayerNorm(c)
        self.out_layer = nn.Linear(c * bins, c)
        self.norm3 = nn.LayerNorm(c)

    def forward(self, pro, roi):
        """pro (1, R, C), roi (S*S, R, C) -> (R, C)."""
        x = roi.permute(1, 0, 2)
        params = self.dynamic_layer(pro).permute(1, 0, 2)
        p1 = params[:, :, : self.c * self.d].reshape(-1, self.c, self.d)
        p2 = params[:, :, self.c * self.d:].reshape(-1, self.d, self.c)
        x = F.relu(self.norm1(torch.bmm(x, p1)))
        x = F.relu(self.norm2(torch.bmm(x, p2)))
        return F.relu(self.norm3(self.out_layer(x.flatten(1))))


def tower(c, layers):
    mods = []
    for _ in range(layers):
        mods += [nn.Linear(c, c, bias=False), nn.LayerNorm(c), nn.ReLU()]
    return nn.ModuleList(mods)


class Stage(nn.Module):
    def __init__(self, c, heads, ff, d, k, size=7, cls_layers=1, reg_layers=3):
        super().__init__()
        self.self_attn = nn.MultiheadAttention(c, heads, dropout=0.0)
        self.inst_interact = DynamicConv(c, d, size * size)
        self.linear1 = nn.Linear(c, ff)
        self.linear2 = nn.Linear(ff, c)
        self.norm1, self.norm2, self.norm3 = nn.LayerNorm(c), nn.LayerNorm(c), nn.LayerNorm(c)
        self.cls_module = tower(c, cls_layers)
        self.reg_module = tower(c, reg_layers)
        self.class_logits = nn.Linear(c, k)
        self.bboxes_delta = nn.Linear(c, 4)

    def forward(self, features, boxes, pro):
        b, n, c = boxes.shape[0], boxes.shape[1], pro.shape[-1]
        roi, level = pool(features, boxes)
        roi = roi.reshape(b * n, c, -1).permute(2, 0, 1)
        q = pro.reshape(b, n, c).permute(1, 0, 2)
        q = self.norm1(q + self.self_attn(q, q, value=q)[0])
        q = q.permute(1, 0, 2).reshape(1, b * n, c)
        obj = self.norm2(q + self.inst_interact(q, roi))
        obj = self.norm3(obj + self.linear2(F.relu(self.linear1(obj))))
        fc = obj.transpose(0, 1).reshape(b * n, -1)
        cls, reg = fc, fc
        for m in self.cls_module:
            cls = m(cls)
        for m in self.reg_module:
            reg = m(reg)
        logits = self.class_logits(cls).reshape(b, n, -1)
        new_boxes = apply_deltas(self.bboxes_delta(reg), boxes.reshape(-1, 4)).reshape(b, n, 4)
        return logits, new_boxes, obj, level


def apply_deltas(deltas, boxes, weights=(2.0, 2.0, 1.0, 1.0), clamp=math.log(100000.0 / 16)):
    w = boxes[:, 2] - boxes[:, 0]
    h = boxes[:, 3] - boxes[:, 1]
    cx = boxes[:, 0] + 0.5 * w
    cy = boxes[:, 1] + 0.5 * h
    dx, dy = deltas[:, 0] / weights[0], deltas[:, 1] / weights[1]
    dw = torch.clamp(deltas[:, 2] / weights[2], max=clamp)
    dh = torch.clamp(deltas[:, 3] / weights[3], max=clamp)
    pcx, pcy = dx * w + cx, dy * h + cy
    pw, ph = torch.exp(dw) * w, torch.exp(dh) * h
    return torch.stack([pcx - 0.5 * pw, pcy - 0.5 * ph, pcx + 0.5 * pw, pcy + 0.5 * ph], 1)


class SparseRCNN(nn.Module):
    def __init__(self, depth, width, fpn, hidden, heads, ff, d, n, k, stages=6):
        super().__init__()
        self.backbone = Backbone(depth, width, fpn)
        self.init_proposal_boxes = nn.Embedding(n, 4)
        self.init_proposal_features = nn.Embedding(n, hidden)
        self.head_series = nn.ModuleList(Stage(hidden, heads, ff, d, k) for _ in range(stages))

    def forward(self, images, whwh):
        """images (B, 3, Hp, Wp) normalised and padded; whwh (B, 4) unpadded sizes."""
        feats = self.backbone(images)
        b = images.shape[0]
        x, y, w, h = self.init_proposal_boxes.weight.unbind(-1)
        boxes = torch.stack([x - 0.5 * w, y - 0.5 * h, x + 0.5 * w, y + 0.5 * h], -1)[None] * whwh[:, None, :]
        pro = self.init_proposal_features.weight[None].repeat(1, b, 1)
        stages = [(None, boxes, None)]
        for stage in self.head_series:
            logits, boxes, pro, level = stage(feats, boxes, pro)
            stages.append((logits, boxes, level))
            boxes = boxes.detach()
        return stages


def detectron2_state_dict(model):
    """Our module names -> the official checkpoint's (detectron2) names."""
    sd = {}
    bb = model.backbone
    d2 = "backbone.bottom_up."

    def conv_norm(prefix, conv, bn):
        sd[prefix + ".weight"] = conv.weight
        for name in ("weight", "bias", "running_mean", "running_var"):
            sd[prefix + ".norm." + name] = getattr(bn, name)

    conv_norm(d2 + "stem.conv1", bb.conv1, bb.bn1)
    for s, layer in enumerate(bb.layers):
        for i, blk in enumerate(layer):
            p = f"{d2}res{s + 2}.{i}."
            convs = [(blk.conv1, blk.bn1), (blk.conv2, blk.bn2)] + ([(blk.conv3, blk.bn3)] if hasattr(blk, "conv3") else [])
            for j, (conv, bn) in enumerate(convs):
                conv_norm(p + f"conv{j + 1}", conv, bn)
            if blk.downsample is not None:
                conv_norm(p + "shortcut", blk.downsample[0], blk.downsample[1])
    for i in range(4):
        for kind, mods in (("lateral", bb.lateral), ("output", bb.output)):
            sd[f"backbone.fpn_{kind}{i + 2}.weight"] = mods[i].weight
            sd[f"backbone.fpn_{kind}{i + 2}.bias"] = mods[i].bias
    sd["init_proposal_boxes.weight"] = model.init_proposal_boxes.weight
    sd["init_proposal_features.weight"] = model.init_proposal_features.weight
    for t, stage in enumerate(model.head_series):
        for name, value in stage.state_dict(keep_vars=True).items():
            sd[f"head.head_series.{t}.{name}"] = value
    return {k: v.detach() for k, v in sd.items()}


def initialise(model, image, whwh, seed, box_scale=0.02):
    """Realistic scales for random weights (see the module doc)."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for m in model.backbone.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
        for name, m in model.backbone.named_modules():
            if isinstance(m, CalibratedFrozenBN):
                lo, hi = (0.1, 0.3) if name.endswith("bn3") else (0.5, 1.5)
                m.weight.copy_(torch.empty(m.weight.shape).uniform_(lo, hi, generator=g))
                m.bias.copy_(torch.randn(m.bias.shape, generator=g) * 0.1)
        for m in list(model.backbone.lateral) + list(model.backbone.output):
            nn.init.kaiming_uniform_(m.weight, a=1)
            m.bias.copy_(torch.randn(m.bias.shape, generator=g) * 0.05)
        n = model.init_proposal_boxes.weight.shape[0]
        # varied boxes so every pyramid level is used: centres inside, sizes 5 % .. 95 % of the image
        cxcy = torch.rand(n, 2, generator=g) * 0.5 + 0.25
        wh = torch.rand(n, 2, generator=g) * 0.9 + 0.05
        boxes = torch.cat([cxcy, torch.minimum(wh, 2 * torch.minimum(cxcy, 1 - cxcy))], 1)
        boxes[1:4, 2:] = torch.rand(3, 2, generator=g) * 0.04 + 0.04  # small ones pool from P2
        boxes[0] = torch.tensor([0.5, 0.5, 1.0, 1.0])  # the official init, which trained models keep near
        model.init_proposal_boxes.weight.copy_(boxes)
        model.init_proposal_features.weight.copy_(torch.randn(model.init_proposal_features.weight.shape, generator=g))
        prior = -math.log((1 - 0.01) / 0.01)
        for stage in model.head_series:
            for p in stage.parameters():
                if p.dim() > 1:
                    nn.init.xavier_uniform_(p)
                else:
                    p.copy_(0.05 * torch.randn(p.shape, generator=g))  # biases: small, but not 0
            for m in stage.modules():
                if isinstance(m, nn.LayerNorm):  # not the identity, so a swapped weight/bias shows
                    m.weight.copy_(1.0 + 0.1 * torch.randn(m.weight.shape, generator=g))
            stage.class_logits.bias.copy_(prior + 0.5 * torch.randn(stage.class_logits.bias.shape, generator=g))
            # a trained head moves boxes by a few pixels per stage: small delta weights
            stage.bboxes_delta.weight.mul_(box_scale)
            stage.bboxes_delta.bias.copy_(0.01 * torch.randn(4, generator=g))
        CalibratedFrozenBN.calibrate = True
        model.backbone(image)
        CalibratedFrozenBN.calibrate = False


def fixture_image(width=1200, height=800):
    """Smooth gradients plus flat shapes: structure at every scale, and a PNG that compresses well."""
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    r = 128 + 100 * np.sin(x / 97.0) * np.cos(y / 131.0)
    g = 128 + 90 * np.cos((x + y) / 173.0)
    b = 60 + 150 * (x / width) * (y / height)
    img = np.stack([r, g, b], -1)
    for cx, cy, rad, col in ((300, 250, 120, (230, 40, 40)), (820, 520, 200, (30, 200, 60)), (1000, 150, 60, (20, 20, 220))):
        img[(x - cx) ** 2 + (y - cy) ** 2 < rad ** 2] = col
    img[600:760, 80:420] = (250, 250, 250)
    img[630:730, 110:390] = (10, 10, 10)
    return np.clip(img + 0.5, 0, 255).astype(np.uint8)


def to_input(rgb, dtype=torch.float32):
    """detectron2: (x - mean) / std per RGB channel, then zero padding at bottom/right to 32."""
    h, w = rgb.shape[:2]
    x = torch.from_numpy(np.array(rgb)).permute(2, 0, 1).to(dtype)
    x = (x - torch.tensor(PIXEL_MEAN, dtype=dtype)[:, None, None]) / torch.tensor(PIXEL_STD, dtype=dtype)[:, None, None]
    hp, wp = (h + 31) // 32 * 32, (w + 31) // 32 * 32
    x = F.pad(x, (0, wp - w, 0, hp - h))[None]
    return x, torch.tensor([[w, h, w, h]], dtype=dtype)


def detections(logits, boxes, w, h):
    """Official inference: sigmoid, top-k with k = N over all N x K pairs, clip, drop empty boxes."""
    n, k = logits.shape
    scores, idx = torch.sigmoid(logits).flatten().topk(n, sorted=True)
    out = []
    for s, i in zip(scores.tolist(), idx.tolist()):
        b = boxes[i // k].clone()
        b[0::2] = b[0::2].clamp(0, w)
        b[1::2] = b[1::2].clamp(0, h)
        if b[2] > b[0] and b[3] > b[1]:
            out.append({"proposal": i // k, "label": i % k, "score": s, "box": b.tolist()})
    return out


def run(model, rgb, dtype):
    x, whwh = to_input(rgb, dtype)
    with torch.no_grad():
        return model.to(dtype)(x, whwh)


def golden(out_dir, depth=50, width=8, fpn=16, hidden=16, heads=8, ff=32, d=4, n=20, k=80, seed=20240615,
           name="sparse_rcnn_golden.pth"):
    os.makedirs(out_dir, exist_ok=True)
    torch.manual_seed(seed)
    rgb = fixture_image()
    Image.fromarray(rgb).save(os.path.join(out_dir, "golden_image.png"), optimize=True)
    rgb = np.asarray(Image.open(os.path.join(out_dir, "golden_image.png")).convert("RGB"))
    model = SparseRCNN(depth, width, fpn, hidden, heads, ff, d, n, k).eval()
    x, whwh = to_input(rgb)
    initialise(model, x, whwh, seed)
    sd = detectron2_state_dict(model)
    with torch.no_grad():
        # float16 storages: the backbone is saved in half precision and computed with the rounded values
        for key in sd:
            if key.startswith("backbone.bottom_up."):
                sd[key] = sd[key].half()
        load_official(model, sd)
    sd = views_and_offsets(sd)
    sd["criterion.empty_weight"] = torch.cat([torch.ones(k), torch.tensor([0.1])])
    torch.save({"model": sd, "iteration": 269999}, os.path.join(out_dir, name))

    out32 = run(model, rgb, torch.float32)
    out64 = run(model, rgb, torch.float64)
    h, w = rgb.shape[:2]
    record = {"image": "golden_image.png", "width": w, "height": h, "seed": seed,
              "architecture": dict(depth=depth, width=width, fpn=fpn, hidden=hidden, heads=heads, ff=ff,
                                   dim_dynamic=d, proposals=n, classes=k),
              "torch": torch.__version__, "stages": []}
    for t, ((l32, b32, lv), (l64, b64, _)) in enumerate(zip(out32, out64)):
        st = {"stage": t, "boxes": b32[0].tolist(),
              "float64_box_diff": float((b32.double() - b64).abs().max())}
        if l32 is not None:
            st["logits"] = l32[0].tolist()
            st["levels"] = lv[0].tolist()
            st["float64_logit_diff"] = float((l32.double() - l64).abs().max())
            st["box_shift_from_previous"] = float((b32 - out32[t - 1][1]).abs().mean())
        record["stages"].append(st)
    record["detections"] = detections(out32[-1][0][0], out32[-1][1][0], w, h)
    with open(os.path.join(out_dir, "golden_expected.json"), "w") as f:
        json.dump(record, f)
    for st in record["stages"]:
        print(f"stage {st['stage']}: f32-f64 box {st['float64_box_diff']:.2e}"
              + (f" logit {st['float64_logit_diff']:.2e}, mean shift {st['box_shift_from_previous']:.2f} px,"
                 f" levels {sorted(set(st['levels']))}" if 'logits' in st else ""))
    print("checkpoint", os.path.getsize(os.path.join(out_dir, name)), "bytes")


def load_official(model, sd):
    """Puts detectron2-named values (float16 included) back into the reference modules, as float32."""
    ours = detectron2_state_dict(model)
    with torch.no_grad():
        for key, target in ours.items():
            target.copy_(sd[key].float())


def views_and_offsets(sd):
    """Stores some tensors the way real checkpoints can: as strided views and at storage offsets."""
    out = dict(sd)
    keys = [k for k in sd if k.endswith("self_attn.in_proj_bias")]
    shared = torch.cat([sd[k] for k in keys])  # one storage, each bias at its own offset
    at = 0
    for key in keys:
        n = sd[key].numel()
        out[key] = shared[at:at + n]
        at += n
    for key in [k for k in sd if k.endswith("linear1.weight")]:
        t = sd[key]
        out[key] = t.t().contiguous().t()  # same values, stride (1, rows): a transposed view
        assert not out[key].is_contiguous()
    return out


def formats(out_dir):
    """Tiny checkpoints in every supported format, with the expected values."""
    os.makedirs(out_dir, exist_ok=True)
    g = torch.Generator().manual_seed(7)
    base = torch.randn(6, 5, generator=g)
    sd = {
        "a.weight": torch.randn(3, 4, generator=g),
        "b.half": torch.randn(2, 3, generator=g).half(),
        "c.transposed": base.t(),
        "d.offset": base.flatten()[7:13].view(2, 3),
        "e.double": torch.randn(4, generator=g).double(),
        "f.count": torch.tensor(42, dtype=torch.int64),
    }
    expected = {k: {"shape": list(v.shape), "values": v.double().flatten().tolist()} for k, v in sd.items()}
    with open(os.path.join(out_dir, "tiny_expected.json"), "w") as f:
        json.dump(expected, f)
    torch.save({"model": sd, "iteration": 3}, os.path.join(out_dir, "tiny_zip.pth"))
    torch.save(sd, os.path.join(out_dir, "tiny_legacy.pth"), _use_new_zipfile_serialization=False)
    npsd = {k: v.numpy() for k, v in sd.items()}
    with open(os.path.join(out_dir, "tiny_detectron2.pkl"), "wb") as f:
        pickle.dump({"model": npsd, "__author__": "reference"}, f, protocol=2)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("golden", "formats", "paper"):
        sys.exit("usage: sparse_rcnn_reference.py golden|formats|paper OUT_DIR")
    torch.set_num_threads(int(os.environ.get("DSRCNN_THREADS", "1")))
    if sys.argv[1] == "golden":
        golden(sys.argv[2])
    elif sys.argv[1] == "formats":
        formats(sys.argv[2])
    else:
        golden(sys.argv[2], width=64, fpn=256, hidden=256, ff=2048, d=64, n=300, name="r50_300pro_random.pth")
