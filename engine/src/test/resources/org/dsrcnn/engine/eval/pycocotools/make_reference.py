"""Makes the pycocotools reference case for CocoEvaluatorPycocotoolsTest.

Run once with pycocotools 2.0.11 and numpy (python3 make_reference.py in this folder); it writes
gt.json, dt.json and expected.json. The Java test never runs Python: it compares with the numbers
recorded here, which pycocotools computed independently of our code.
"""
import contextlib
import io
import json
import random

import numpy as np
from pycocotools.coco import COCO
from pycocotools.cocoeval import COCOeval

rng = random.Random(20240611)
categories = [{"id": c, "name": n} for c, n in [(1, "a"), (3, "b"), (7, "c"), (8, "d"), (20, "never")]]
gt_cats = [1, 3, 7, 8]  # category 20 has no ground truth, only detections
images, anns, dets = [], [], []
image_ids = rng.sample(range(1, 1_000_000), 60)
ann_id = 1
for n, image_id in enumerate(image_ids):
    w, h = rng.randint(200, 640), rng.randint(200, 640)
    images.append({"id": image_id, "file_name": f"{image_id}.jpg", "width": w, "height": h})
    count = 0 if n % 13 == 0 else rng.randint(1, 10)
    for _ in range(count):
        side_w = min(w - 1, np.exp(rng.uniform(np.log(4), np.log(320))))
        side_h = min(h - 1, side_w * rng.uniform(0.5, 2.0))
        x, y = rng.uniform(0, w - side_w), rng.uniform(0, h - side_h)
        cat = rng.choice(gt_cats)
        crowd = 1 if rng.random() < 0.06 else 0
        bbox = [round(x, 2), round(y, 2), round(side_w, 2), round(side_h, 2)]
        area = round(bbox[2] * bbox[3] * rng.uniform(0.5, 1.0), 2)
        anns.append({"id": ann_id, "image_id": image_id, "category_id": cat, "bbox": bbox,
                     "area": area, "iscrowd": crowd})
        ann_id += 1
        copies = 0 if rng.random() < 0.2 else rng.choice([1, 1, 1, 2, 3])
        for _ in range(copies):
            j = 0.25 * rng.random()
            dx, dy = rng.gauss(0, j) * bbox[2], rng.gauss(0, j) * bbox[3]
            sw, sh = bbox[2] * np.exp(rng.gauss(0, j)), bbox[3] * np.exp(rng.gauss(0, j))
            dcat = cat if rng.random() < 0.9 else rng.choice([1, 3, 7, 8, 20])
            dets.append({"image_id": image_id, "category_id": dcat,
                         "bbox": [round(bbox[0] + dx, 2), round(bbox[1] + dy, 2), round(sw, 2), round(sh, 2)],
                         "score": round(rng.random(), 2)})
    extra = 150 if n == 5 else rng.randint(0, 12)
    for _ in range(extra):
        sw, sh = rng.uniform(3, w / 2), rng.uniform(3, h / 2)
        dets.append({"image_id": image_id, "category_id": rng.choice([1, 3, 7, 8, 20]),
                     "bbox": [round(rng.uniform(0, w - sw), 2), round(rng.uniform(0, h - sh), 2),
                              round(sw, 2), round(sh, 2)],
                     "score": round(rng.random() * 0.8, 2)})

gt = {"images": images, "annotations": anns, "categories": categories}
with open("gt.json", "w") as f:
    json.dump(gt, f)
with open("dt.json", "w") as f:
    json.dump(dets, f)

with contextlib.redirect_stdout(io.StringIO()):
    coco = COCO("gt.json")
    ev = COCOeval(coco, coco.loadRes("dt.json"), "bbox")
    ev.evaluate()
    ev.accumulate()
out = io.StringIO()
with contextlib.redirect_stdout(out):
    ev.summarize()
p = ev.eval["precision"]
per_cat = []
for k in range(p.shape[2]):
    s = p[:, :, k, 0, 2]
    per_cat.append(float(np.mean(s[s > -1])) if (s > -1).any() else -1.0)
expected = {"stats": [float(v) for v in ev.stats], "per_category_ap": per_cat,
            "summary": out.getvalue().splitlines(), "num_gt": len(anns), "num_dt": len(dets)}
with open("expected.json", "w") as f:
    json.dump(expected, f, indent=1)
print(out.getvalue())
print(len(anns), "gt", len(dets), "dt")
